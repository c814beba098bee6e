import { Gauge } from 'prom-client';
import type { SqlPool } from '../database/pg-pool.js';
import { OUTBOX_SCHEMAS } from '../outbox/outbox-schemas.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { registry } from './metrics.js';

/** Gauges read at scrape time: connection pool use, queue depths and the outbox backlog. */
export function registerPlatformGauges(pool: SqlPool, queues: ProjectionQueues): void {
  new Gauge({
    name: 'db_pool_connections',
    help: 'Postgres pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'projection_queue_jobs',
    help: 'Projection jobs by queue and state',
    labelNames: ['projection', 'state'] as const,
    registers: [registry],
    async collect() {
      for (const [name, queue] of queues.byProjection) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, n] of Object.entries(counts)) this.set({ projection: name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'outbox_unpublished_events',
    help: 'Committed events not yet relayed to the queues, per service outbox',
    labelNames: ['schema'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ schema: string; n: number }>(
        OUTBOX_SCHEMAS.map(
          (s) => `SELECT '${s}' AS schema, count(*) AS n FROM ${s}.outbox WHERE published_at IS NULL`,
        ).join(' UNION ALL '),
      );
      for (const row of rows) this.set({ schema: row.schema }, row.n);
    },
  });
}
