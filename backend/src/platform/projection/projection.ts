import type { DomainEvent } from '../domain/domain-event.js';
import type { SqlClient } from '../database/pg-pool.js';

/**
 * A read model built from events. `apply` runs inside the transaction that also records the event
 * as applied for this projection, so each event changes the read model exactly once.
 */
export interface Projection {
  /** Stable name: the queue `projection-<name>` and the checkpoint key. */
  readonly name: string;
  /** Event types this read model follows. */
  readonly handles: readonly string[];
  /** The read tables this projection alone writes (the checker compares them with a rebuild). */
  readonly tables: readonly string[];
  apply(event: DomainEvent, sql: SqlClient): Promise<void>;
  /**
   * Recomputes the whole read model from the write side, inside the caller's transaction.
   * Events already in the outboxes are marked applied by the caller, so none is counted twice.
   * Absent for consumers whose output is a service's own records rather than derived state (notifications).
   */
  rebuild?(sql: SqlClient): Promise<void>;
  /** Runs after the read-model change committed (live pushes); failures here never undo the change. */
  afterCommit?(event: DomainEvent): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

export function projectionQueueName(projectionName: string): string {
  return `projection-${projectionName}`;
}
