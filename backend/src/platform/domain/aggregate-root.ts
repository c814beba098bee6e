import type { OutboxSchema } from '../outbox/outbox-names.js';
import type { RecordedEvent } from './domain-event.js';

// Kept outside the entity so the ORM neither maps nor hydrates it.
const pendingEvents = new WeakMap<AggregateRoot, RecordedEvent[]>();

/**
 * A stored aggregate: it records the events of each change until the command saves them to its outbox.
 * `version` is the optimistic-lock column: a save from a stale copy fails and the command is retried.
 * (Aggregates whose rules are a pure decider extend `DecidedAggregate`.)
 */
export abstract class AggregateRoot {
  abstract id: string;
  abstract version: number;

  /** The aggregate type named in events and the outbox, e.g. "Course". */
  abstract readonly aggregateType: string;

  /** The service schema whose outbox receives this aggregate's events. */
  abstract readonly serviceSchema: OutboxSchema;

  protected record(type: string, payload: unknown): void {
    const events = pendingEvents.get(this) ?? [];
    events.push({ type, payload });
    pendingEvents.set(this, events);
  }

  /**
   * Records a state snapshot. Every event of one command carries the same aggregate version, and read
   * models keep only a snapshot newer than the one they hold, so a command keeps one snapshot per kind:
   * a later snapshot of the same kind replaces the earlier one's payload (its event type stays).
   */
  protected recordSnapshot(kind: string, type: string, payload: unknown): void {
    const events = pendingEvents.get(this) ?? [];
    const earlier = events.find((event) => event.snapshotOf === kind);
    if (earlier) earlier.payload = payload;
    else events.push({ type, payload, snapshotOf: kind });
    pendingEvents.set(this, events);
  }

  /** Returns and forgets the events recorded since the last save. */
  pullEvents(): RecordedEvent[] {
    const events = pendingEvents.get(this) ?? [];
    pendingEvents.delete(this);
    return events;
  }

  /** Whether this aggregate recorded a change not yet saved. */
  hasPendingEvents(): boolean {
    return (pendingEvents.get(this)?.length ?? 0) > 0;
  }
}
