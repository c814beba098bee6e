import type { DomainEvent } from '../domain/domain-event.js';
import type { SqlClient } from '../database/pg-pool.js';
import type { ProjectionBatch } from './projection-batch.js';

/** How one event type changes a read model: it records row changes in the batch the event arrives with. */
export type EventHandler<TType extends string = string, TPayload = unknown> = (
  event: DomainEvent<TType, TPayload>,
  batch: ProjectionBatch,
) => void | Promise<void>;

/**
 * A typed map of handlers over an event catalogue `M` (event type → payload): each key names what it follows.
 * `Args` and `R` are the rest of a handler's signature: a projection's handler records changes in its batch
 * (the default); a policy's rule takes facts and returns what to do.
 */
export type EventHandlers<M, Args extends unknown[] = [ProjectionBatch], R = void | Promise<void>> = {
  [K in keyof M & string]?: (event: DomainEvent<K, M[K]>, ...args: Args) => R;
};

/**
 * A read model built from events, applied in batches: each batch's events are recorded as applied and their
 * changes committed in one transaction, so every event changes the read model exactly once.
 */
export interface Projection {
  /** Stable name: the queue `projection-<name>` and the checkpoint key. */
  readonly name: string;
  /** The read tables this projection alone writes (the checker compares them with a rebuild). */
  readonly tables: readonly string[];
  /** Event type → its handler; the keys are the event types this projection follows. */
  readonly handlers: ReadonlyMap<string, EventHandler>;
  /**
   * Recomputes the whole read model from the write side, inside the caller's transaction.
   * Events already in the outboxes are marked applied by the caller, so none is counted twice.
   * Absent for a projection that keeps no read model (a live push).
   */
  rebuild?(sql: SqlClient): Promise<void>;
  /** Runs before the handlers of a batch: loads at once what several of them read (see ProjectionBatch.memo). */
  prepare?(events: readonly DomainEvent[], batch: ProjectionBatch): Promise<void>;
  /** Runs after a batch committed, with the events it applied (live pushes); failures never undo the change. */
  afterCommit?(events: readonly DomainEvent[]): Promise<void>;
}

/**
 * Turns a typed handler map into the runtime map the runner (or, for upcasters, toDomainEvent) dispatches on.
 * Each hands an event only to the handler registered under its own type, which is what makes the one widening
 * below sound.
 */
export function handlerMap<M, Args extends unknown[] = [ProjectionBatch], R = void | Promise<void>>(
  handlers: EventHandlers<M, Args, R>,
): ReadonlyMap<string, (event: DomainEvent, ...args: Args) => R> {
  return new Map(Object.entries(handlers) as [string, (event: DomainEvent, ...args: Args) => R][]);
}

/** The event types a projection or policy follows: the keys of its handler map. */
export function handledTypes(consumer: { readonly handlers: ReadonlyMap<string, unknown> }): string[] {
  return [...consumer.handlers.keys()];
}

export const PROJECTIONS = Symbol('PROJECTIONS');

export function projectionQueueName(projectionName: string): string {
  return `projection-${projectionName}`;
}

/**
 * The queue the relay sends each claimed batch of events to, once for all the projections and policies that follow
 * them (see ProjectionRunner): one BullMQ job costs a few Redis round trips on each side whatever it carries.
 */
export const DISPATCH_QUEUE = 'event-dispatch';

/** Every queue of the event pipeline: the dispatch queue, then each consumer's own. */
export function pipelineQueueNames(consumerNames: readonly string[]): string[] {
  return [DISPATCH_QUEUE, ...consumerNames.map(projectionQueueName)];
}
