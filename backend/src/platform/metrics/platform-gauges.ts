import { Gauge } from 'prom-client';
import type { SqlPool } from '../database/pg-pool.js';
import type { PipelineHealthProbe } from '../outbox/pipeline-health.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { withTimeout } from '../health/probe.js';
import { registry } from './metrics.js';

/** Gauges read at scrape time: this process's Postgres pools, by name (`main`, and the api's `full-text`). */
export function registerPoolGauge(pools: Record<string, SqlPool>): void {
  new Gauge({
    name: 'db_pool_connections',
    help: 'Postgres pool connections by pool and state',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [name, pool] of Object.entries(pools)) {
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      }
    },
  });
}

/**
 * Gauges of the event pipeline, exported by workers: queue depths (Redis) and the outboxes and failures as
 * Postgres records them. Every worker reports the same pipeline, so dashboards take the max over workers.
 */
export function registerPipelineGauges(queues: ProjectionQueues, probe: PipelineHealthProbe): void {
  new Gauge({
    name: 'projection_queue_jobs',
    help: 'Projection jobs (batches of events) by queue and state',
    labelNames: ['projection', 'state'] as const,
    registers: [registry],
    async collect() {
      // Bounded: with Redis down, a scrape must still answer (and show the rest).
      const counts = await withTimeout(
        Promise.all([...queues.all.values()].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'failed'))),
        1_000,
      ).catch(() => undefined);
      [...queues.all.keys()].forEach((name, i) => {
        for (const [state, n] of Object.entries(counts?.[i] ?? {})) this.set({ projection: name, state }, n);
      });
    },
  });
  const outboxGauge = (name: string, help: string, field: 'unpublished' | 'oldest_unrelayed_seconds' | 'quarantined') =>
    new Gauge({
      name,
      help,
      labelNames: ['schema'] as const,
      registers: [registry],
      async collect() {
        const health = await probe.read().catch(() => undefined);
        for (const outbox of health?.outboxes ?? []) this.set({ schema: outbox.schema }, outbox[field]);
      },
    });
  outboxGauge(
    'outbox_unpublished_events',
    'Committed events not yet relayed to the queues, per service outbox',
    'unpublished',
  );
  outboxGauge(
    'outbox_oldest_unrelayed_seconds',
    'Age of the oldest event not yet relayed, per service outbox',
    'oldest_unrelayed_seconds',
  );
  outboxGauge(
    'outbox_quarantined_events',
    'Outbox rows set aside because they cannot be read as events',
    'quarantined',
  );
  new Gauge({
    name: 'projection_failed_events',
    help: 'Events a projection gave up on after its retries (read.failed_events; replay with read-models replay)',
    labelNames: ['projection'] as const,
    registers: [registry],
    async collect() {
      const health = await probe.read().catch(() => undefined);
      if (!health) return;
      for (const name of queues.byProjection.keys()) this.set({ projection: name }, health.failed[name] ?? 0);
    },
  });
}
