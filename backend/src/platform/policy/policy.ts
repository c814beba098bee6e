import type { UnitOfWork } from '../actors/unit-of-work.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { claimStatement } from '../projection/applied-events.js';
import type { Projection } from '../projection/projection.js';

/**
 * A policy turns events into commands (notices to send, …) rather than into a read model. The runner feeds it
 * batches from its own queue like a projection — the same routes, reconciler and record of failed events — but
 * the policy applies each batch itself, as one command: the commands' aggregates, their outbox rows and the
 * claim of the events (`claimEvents`) commit together, so every event acts once.
 */
export interface Policy {
  /** Stable name: the queue `projection-<name>` and the claim key in `read.applied_events`. */
  readonly name: string;
  /** Event type → its rule; the keys are the event types this policy follows. */
  readonly handlers: ReadonlyMap<string, unknown>;
  /** Acts on a batch in one command transaction; returns the events claimed now (not those claimed before). */
  apply(events: readonly DomainEvent[]): Promise<DomainEvent[]>;
}

export const POLICIES = Symbol('POLICIES');

/** What the runner feeds batches of events from a queue of its own. */
export type EventConsumer = Projection | Policy;

export function isPolicy(consumer: EventConsumer): consumer is Policy {
  return 'apply' in consumer;
}

/**
 * Claims events for a policy inside its command's transaction and returns those no earlier transaction
 * claimed. A concurrent claim of the same event (a resend while the first copy is in flight) waits for the
 * other transaction, then finds the event taken: the second copy does nothing.
 */
export async function claimEvents(
  uow: UnitOfWork,
  policy: string,
  events: readonly DomainEvent[],
): Promise<DomainEvent[]> {
  if (events.length === 0) return [];
  const rows = await uow.em.execute<{ event_id: string }[]>(
    claimStatement(
      policy,
      events.map((e) => e.id),
    ),
    [],
    'all',
  );
  const claimed = new Set(rows.map((row) => row.event_id));
  return [...new Map(events.map((e) => [e.id, e])).values()].filter((e) => claimed.has(e.id));
}
