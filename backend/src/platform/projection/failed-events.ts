import { inTransaction, type SqlPool } from '../database/pg-pool.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { OUTBOX_SCHEMAS } from '../outbox/outbox-names.js';
import { OUTBOX_EVENT_COLUMNS, toDomainEvent, type OutboxRow } from '../outbox/outbox-schemas.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';

export interface FailedEvent {
  projection: string;
  event_id: string;
  event_type: string;
  error: string;
  attempts: number;
  failed_at: Date;
}

/** The events projections gave up on, oldest first (optionally of one projection). */
export async function listFailedEvents(pool: SqlPool, projection?: string): Promise<FailedEvent[]> {
  const { rows } = await pool.query<FailedEvent>(
    `SELECT projection, event_id, event_type, error, attempts, failed_at FROM read.failed_events
      WHERE $1::text IS NULL OR projection = $1 ORDER BY failed_at`,
    [projection ?? null],
  );
  return rows;
}

/**
 * Sends failed events to their projections again (after the cause was fixed): they leave read.failed_events
 * and go back through the queues; one still failing is recorded again. Returns how many were sent.
 */
export async function replayFailedEvents(
  pool: SqlPool,
  queues: ProjectionQueues,
  projection?: string,
): Promise<number> {
  const replayed = await inTransaction(pool, async (sql) => {
    const { rows: failed } = await sql.query<{ projection: string; event_id: string }>(
      `DELETE FROM read.failed_events WHERE $1::text IS NULL OR projection = $1 RETURNING projection, event_id`,
      [projection ?? null],
    );
    const ids = [...new Set(failed.map((f) => f.event_id))];
    const events = new Map<string, DomainEvent>();
    for (const schema of OUTBOX_SCHEMAS) {
      const { rows } = await sql.query<OutboxRow>(
        `SELECT ${OUTBOX_EVENT_COLUMNS} FROM ${schema}.outbox WHERE event_id = ANY($1::uuid[]) ORDER BY position`,
        [ids],
      );
      for (const row of rows) events.set(row.event_id, toDomainEvent(row));
    }
    // An event pruned from its outbox with the retention window has nothing left to send.
    const sendable = failed.filter((f) => events.has(f.event_id));
    const perProjection = new Map(
      [...Map.groupBy(sendable, (f) => f.projection)].map(([projection, list]) => [
        projection,
        list.map((f) => events.get(f.event_id)!),
      ]),
    );
    // Queued inside the transaction: if Redis refuses, the failures stay recorded.
    await queues.addBatches(perProjection, `replay-${Date.now()}`);
    return sendable.length;
  });
  return replayed;
}
