import type { SqlPool } from '../database/pg-pool.js';
import { OUTBOX_SCHEMAS } from './outbox-names.js';

export interface OutboxHealth {
  schema: string;
  /** Committed events not yet relayed to the queues. */
  unpublished: number;
  /** Age of the oldest of them (0 when there is none). */
  oldest_unrelayed_seconds: number;
  /** Rows set aside because they cannot be read as events. */
  quarantined: number;
}

export interface PipelineHealth {
  outboxes: OutboxHealth[];
  /** Events each projection gave up on (recorded in read.failed_events). */
  failed: Record<string, number>;
}

const CACHE_MS = 1_000;

/**
 * The state of the event pipeline as Postgres records it, for readiness details and metrics. Every count
 * is answered from a small partial index, and the answer is reused for a second, so frequent scrapes and
 * probes cost the database next to nothing.
 */
export class PipelineHealthProbe {
  private cached?: { at: number; value: Promise<PipelineHealth> };

  constructor(private readonly pool: SqlPool) {}

  read(): Promise<PipelineHealth> {
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const value = this.query();
      value.catch(() => (this.cached = undefined));
      this.cached = { at: Date.now(), value };
    }
    return this.cached.value;
  }

  private async query(): Promise<PipelineHealth> {
    const pending = (schema: string): string =>
      `FROM ${schema}.outbox WHERE published_at IS NULL AND quarantined_at IS NULL`;
    const { rows } = await this.pool.query<OutboxHealth>(
      OUTBOX_SCHEMAS.map(
        (s) => `SELECT '${s}' AS schema,
                  (SELECT count(*) ${pending(s)})::int AS unpublished,
                  (SELECT coalesce(greatest(extract(epoch FROM now() - min(occurred_at)), 0), 0) ${pending(s)})::float8
                    AS oldest_unrelayed_seconds,
                  (SELECT count(*) FROM ${s}.outbox WHERE quarantined_at IS NOT NULL)::int AS quarantined`,
      ).join(' UNION ALL '),
    );
    const failed = await this.pool.query<{ projection: string; n: number }>(
      'SELECT projection, count(*)::int AS n FROM read.failed_events GROUP BY projection',
    );
    return { outboxes: rows, failed: Object.fromEntries(failed.rows.map((r) => [r.projection, r.n])) };
  }
}

/** The pipeline in a few numbers, for readiness answers. */
export function summarize(health: PipelineHealth): {
  unpublished: number;
  oldest_unrelayed_seconds: number;
  quarantined: number;
  failed: number;
} {
  return {
    unpublished: health.outboxes.reduce((n, o) => n + o.unpublished, 0),
    oldest_unrelayed_seconds: Math.max(0, ...health.outboxes.map((o) => o.oldest_unrelayed_seconds)),
    quarantined: health.outboxes.reduce((n, o) => n + o.quarantined, 0),
    failed: Object.values(health.failed).reduce((n, f) => n + f, 0),
  };
}
