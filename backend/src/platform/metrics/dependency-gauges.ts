import type { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import type { SqlPool } from '../database/pg-pool.js';
import { probe } from '../health/probe.js';
import { registry } from './metrics.js';

const PROBE_TIMEOUT_MS = 1_000;

const answers = async (check: () => Promise<unknown>): Promise<boolean> =>
  (await probe(check, PROBE_TIMEOUT_MS)) === 'ok';

/**
 * 1 when this process reaches Postgres and Redis at scrape time, else 0 — what the "Redis down" and
 * "Postgres down" alerts watch. A Redis that is reconnecting counts as down without waiting for it.
 */
export function measureDependencies(pool: SqlPool, redis: Redis): void {
  new Gauge({
    name: 'dependency_up',
    help: 'Whether this process reaches a dependency (1) or not (0), probed at scrape time',
    labelNames: ['dependency'] as const,
    registers: [registry],
    async collect() {
      const [postgres, redisUp] = await Promise.all([
        answers(() => pool.query('SELECT 1')),
        redis.status === 'ready' && answers(() => redis.ping()),
      ]);
      this.set({ dependency: 'postgres' }, Number(postgres));
      this.set({ dependency: 'redis' }, Number(redisUp));
    },
  });
}
