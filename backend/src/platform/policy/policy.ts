import type { UnitOfWork } from '../actors/unit-of-work.js';
import type { DomainEvent } from '../domain/domain-event.js';
import type { Projection } from '../projection/projection.js';

/**
 * A policy turns events into commands (notices to send, …) rather than into a read model. The runner feeds it
 * batches from its own queue like a projection — the same routes, reconciler and record of failed events — but
 * the policy applies each batch itself, as one command: the commands' aggregates, their outbox rows and the
 * claim of the events (`claimEvents`) are written together, so every event acts once.
 */
export interface Policy {
  /** Stable name: the queue `projection-<name>` and the claim key in `read.applied_events`. */
  readonly name: string;
  /** Event type → its rule; the keys are the event types this policy follows. */
  readonly handlers: ReadonlyMap<string, unknown>;
  /** Acts on a batch as one command; returns the events claimed now (not those claimed before). */
  apply(events: readonly DomainEvent[]): Promise<DomainEvent[]>;
}

export const POLICIES = Symbol('POLICIES');

/** What the runner feeds batches of events from a queue of its own. */
export type EventConsumer = Projection | Policy;

export function isPolicy(consumer: EventConsumer): consumer is Policy {
  return 'apply' in consumer;
}

/**
 * Claims events for a policy as part of its command and returns those no earlier command claimed. The claim
 * is written with the command's aggregates as rows that must be new: when a concurrent copy of the batch (a
 * resend while the first is in flight) claims an event first, this command is refused and runs again, and
 * then finds the event taken — the second copy does nothing.
 */
export async function claimEvents(
  uow: UnitOfWork,
  policy: string,
  events: readonly DomainEvent[],
): Promise<DomainEvent[]> {
  const distinct = [...new Map(events.map((e) => [e.id, e])).values()];
  if (distinct.length === 0) return [];
  const taken = await uow.em.execute<{ event_id: string }[]>(
    'SELECT event_id FROM read.applied_events WHERE projection = ? AND event_id = ANY(?::uuid[])',
    [policy, `{${distinct.map((e) => e.id).join(',')}}`],
    'all',
  );
  const takenIds = new Set(taken.map((row) => row.event_id));
  const claimed = distinct.filter((e) => !takenIds.has(e.id));
  // In id order, so concurrent claims of overlapping batches lock rows alike.
  const ids = claimed.map((e) => e.id).sort();
  uow.insertNew(
    'read.applied_events',
    ids.map(
      (id) =>
        new Map([
          ['projection', policy],
          ['event_id', id],
        ]),
    ),
  );
  return claimed;
}
