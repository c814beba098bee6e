import { EVENT_UPCASTERS } from '../../../aggregates/event-upcasters.js';
import type { DomainEvent } from '../domain/domain-event.js';

/** The outbox columns an event is read from. */
export const OUTBOX_EVENT_COLUMNS =
  'position, event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at';

export interface OutboxRow {
  position: number;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  payload: unknown;
  occurred_at: Date;
}

/**
 * The event an outbox row holds, its payload in the catalogue's current shape (see EVENT_UPCASTERS); throws when
 * the row cannot be a deliverable event (it is then quarantined).
 */
export function toDomainEvent(row: OutboxRow): DomainEvent {
  // pg reads timestamps JavaScript cannot hold as Invalid Date, and infinities as numbers.
  if (!(row.occurred_at instanceof Date) || Number.isNaN(row.occurred_at.getTime())) {
    throw new Error(`occurred_at ${String(row.occurred_at)} is not a representable time`);
  }
  if (typeof row.payload !== 'object' || row.payload === null || Array.isArray(row.payload)) {
    throw new Error('payload is not an object');
  }
  const event: DomainEvent = {
    id: row.event_id,
    type: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: row.aggregate_version,
    occurredAt: row.occurred_at.toISOString(),
    payload: row.payload,
  };
  return upcast(event);
}

/** The event with its payload in the catalogue's current shape (an older stored shape is converted). */
export function upcast(event: DomainEvent): DomainEvent {
  const upcaster = EVENT_UPCASTERS.get(event.type);
  return upcaster ? { ...event, payload: upcaster(event) } : event;
}
