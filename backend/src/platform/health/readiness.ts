import type { Redis } from 'ioredis';
import type { SqlPool } from '../database/pg-pool.js';
import { summarize, type PipelineHealthProbe } from '../outbox/pipeline-health.js';
import { probe } from './probe.js';

/**
 * Whether a process can do its work: its own dependencies, Postgres and Redis, answer. The event pipeline's
 * state (backlog, oldest unrelayed event, quarantined rows, failed events) is reported alongside but never
 * decides readiness — a stopped worker must not take every api replica out of a load balancer.
 */
export async function readiness(
  pool: SqlPool,
  redis: Redis,
  pipeline: PipelineHealthProbe,
): Promise<{ ready: boolean; body: object }> {
  const [postgres, redisCheck] = await Promise.all([probe(() => pool.query('SELECT 1')), probe(() => redis.ping())]);
  const ready = postgres === 'ok' && redisCheck === 'ok';
  return {
    ready,
    body: {
      status: ready ? 'ok' : 'unavailable',
      checks: { postgres, redis: redisCheck },
      pipeline: await pipeline.read().then(summarize, () => undefined),
    },
  };
}
