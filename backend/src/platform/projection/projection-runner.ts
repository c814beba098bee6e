import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { inTransaction, type SqlClient, type SqlPool } from '../database/pg-pool.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { projectionFailures, projectionLag } from '../metrics/metrics.js';
import { redisEndpoint } from '../queue/redis.js';
import { OUTBOX_SCHEMAS } from '../outbox/outbox-schemas.js';
import { projectionQueueName, type Projection } from './projection.js';

/** Records the event as applied for this projection; false when it already was (a redelivery). */
async function claimEvent(sql: SqlClient, projection: string, eventId: string): Promise<boolean> {
  const claimed = await sql.query(
    'INSERT INTO read.applied_events (projection, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [projection, eventId],
  );
  return claimed.rowCount === 1;
}

/** Applies one event to one projection exactly once in effect; returns whether it changed anything. */
export async function applyOnce(pool: SqlPool, projection: Projection, event: DomainEvent): Promise<boolean> {
  const applied = await inTransaction(pool, async (sql) => {
    if (!(await claimEvent(sql, projection.name, event.id))) return false;
    await projection.apply(event, sql);
    return true;
  });
  if (applied) {
    projectionLag.observe({ projection: projection.name }, (Date.now() - Date.parse(event.occurredAt)) / 1000);
    await projection.afterCommit?.(event);
  }
  return applied;
}

/**
 * Rebuilds a read model from the write side in one transaction: the read model is recomputed and every
 * event already committed to an outbox is marked applied, so queued copies of those events change nothing.
 */
export async function rebuildProjection(pool: SqlPool, projection: Projection): Promise<void> {
  if (!projection.rebuild) throw new Error(`${projection.name} has no rebuild: its records are not derived state`);
  const rebuild = projection.rebuild.bind(projection);
  await inTransaction(pool, async (sql) => {
    await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await rebuild(sql);
    for (const schema of OUTBOX_SCHEMAS) {
      await sql.query(
        `INSERT INTO read.applied_events (projection, event_id)
         SELECT $1, event_id FROM ${schema}.outbox WHERE event_type = ANY($2::text[])
         ON CONFLICT DO NOTHING`,
        [projection.name, projection.handles],
      );
    }
  });
}

/** Consumes every projection's queue. A job that throws is retried by BullMQ with backoff. */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly pool: SqlPool,
    private readonly projections: readonly Projection[],
  ) {}

  start(): void {
    for (const projection of this.projections) {
      const worker = new Worker(
        projectionQueueName(projection.name),
        (job: Job<DomainEvent>) => applyOnce(this.pool, projection, job.data),
        {
          connection: redisEndpoint(this.config),
          prefix: this.config.REDIS_PREFIX,
          concurrency: this.config.WORKER_CONCURRENCY,
        },
      );
      worker.on('failed', (job, error) => {
        projectionFailures.inc({ projection: projection.name });
        this.logger.warn(
          `${projection.name} failed on ${job?.data.type} ${job?.id} (attempt ${job?.attemptsMade}): ${error.message}`,
        );
      });
      worker.on('error', (error) => this.logger.error(`${projection.name} worker error: ${error.message}`));
      this.workers.push(worker);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** event type → projections following it; refuses two projections with one name. */
export function routeEvents(projections: readonly Projection[]): Map<string, string[]> {
  const names = new Set<string>();
  const routes = new Map<string, string[]>();
  for (const projection of projections) {
    if (names.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
    names.add(projection.name);
    for (const type of projection.handles) routes.set(type, [...(routes.get(type) ?? []), projection.name]);
  }
  return routes;
}
