import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { inTransaction, type SqlPool } from '../database/pg-pool.js';
import { projectionRequeued } from '../metrics/metrics.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { OUTBOX_SCHEMAS, type OutboxSchema } from './outbox-names.js';
import { toDomainEvent, type OutboxRow } from './outbox-schemas.js';

const SCAN_LIMIT = 5_000;

interface MissingRow extends OutboxRow {
  projection: string;
  published_at: Date;
}

/**
 * Makes the read models converge whatever happened to the fast path (Redis flushed or restarted, jobs lost,
 * a worker killed mid-batch, a send that failed after its rows were marked published): every published
 * event that a projection following it has neither applied nor recorded as failed after the grace period is
 * sent to that projection again. Applying is idempotent, so a copy that was only slow does no harm.
 *
 * Per outbox, a watermark in Postgres (`platform.outbox_reconciliation`) marks how far everything is known
 * to be applied, so each pass reads only what came after; one reconciler per outbox at a time (an advisory
 * lock), however many workers run.
 */
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly routeTypes: string[] = [];
  private readonly routeProjections: string[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly pool: SqlPool,
    private readonly queues: ProjectionQueues,
    routes: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const [type, projections] of routes) {
      for (const projection of projections) {
        this.routeTypes.push(type);
        this.routeProjections.push(projection);
        projectionRequeued.inc({ projection }, 0);
      }
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.reconcileAll()
        .then(() => undefined)
        .finally(() => (this.running = undefined));
    }, this.config.RECONCILE_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every outbox; returns how many (event, projection) pairs were sent again. */
  async reconcileAll(): Promise<number> {
    let requeued = 0;
    for (const schema of OUTBOX_SCHEMAS) {
      try {
        requeued += await this.reconcile(schema);
      } catch (error) {
        this.logger.warn(`reconciling the ${schema} outbox failed: ${(error as Error).message}`);
      }
    }
    return requeued;
  }

  private async reconcile(schema: OutboxSchema): Promise<number> {
    const missing = await inTransaction(this.pool, async (sql) => {
      const { rows: lock } = await sql.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [
        `outbox-reconciler:${schema}`,
      ]);
      if (!lock[0].ok) return [];
      const { rows: window } = await sql.query<{ since: Date | null; horizon: Date }>(
        `SELECT (SELECT reconciled_until FROM platform.outbox_reconciliation WHERE outbox_schema = $1) AS since,
                now() - make_interval(secs => $2::float8 / 1000) AS horizon`,
        [schema, this.config.RECONCILE_GRACE_MS],
      );
      const { since, horizon } = window[0];
      const { rows } = await sql.query<MissingRow>(
        `WITH routes AS (SELECT * FROM unnest($1::text[], $2::text[]) AS r(event_type, projection))
         SELECT r.projection, o.*
           FROM ${schema}.outbox o JOIN routes r USING (event_type)
          WHERE o.published_at >= $3 AND o.published_at < $4 AND o.quarantined_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM read.applied_events a WHERE a.projection = r.projection AND a.event_id = o.event_id)
            AND NOT EXISTS (SELECT 1 FROM read.failed_events f WHERE f.projection = r.projection AND f.event_id = o.event_id)
          ORDER BY o.published_at, o.position
          LIMIT ${SCAN_LIMIT}`,
        [this.routeTypes, this.routeProjections, since ?? '-infinity', horizon],
      );
      // Everything before the first missing event is applied; with nothing missing, everything up to the horizon.
      const until = rows[0]?.published_at ?? horizon;
      await sql.query(
        `INSERT INTO platform.outbox_reconciliation (outbox_schema, reconciled_until) VALUES ($1, $2)
         ON CONFLICT (outbox_schema) DO UPDATE SET reconciled_until = EXCLUDED.reconciled_until`,
        [schema, until],
      );
      return rows;
    });
    if (missing.length === 0) return 0;

    const perProjection = new Map(
      [...Map.groupBy(missing, (row) => row.projection)].map(([projection, rows]) => [
        projection,
        rows.map(toDomainEvent),
      ]),
    );
    // A resend is named by its first event and the pass's time slot: two workers reconciling in the same slot
    // add one job, and a later pass can send the same events again if they are still missing.
    const slot = Math.floor(Date.now() / this.config.RECONCILE_GRACE_MS);
    await this.queues.addBatches(perProjection, `resend-${missing[0].event_id}-${missing.length}-${slot}`);
    for (const [projection, events] of perProjection) projectionRequeued.inc({ projection }, events.length);
    this.logger.warn(
      `resent ${missing.length} events from the ${schema} outbox: ${[...perProjection].map(([p, e]) => `${p} ${e.length}`).join(', ')}`,
    );
    return missing.length;
  }
}
