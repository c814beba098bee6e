import { AggregateRoot } from './aggregate-root.js';

/** An event as a decision returns it: its catalogue type and payload (ids, versions and times come at commit). */
export interface Decided<TType extends string = string, TPayload = unknown> {
  type: TType;
  payload: TPayload;
}

/**
 * The pure core of an aggregate. Decisions are plain functions `(state, facts) → events` that throw a DomainError
 * to refuse; `evolve` folds one event into the state; `initial` is the state before the first event.
 */
export interface Decider<S, E extends Decided> {
  initial(): S;
  evolve(state: S, event: E): S;
  /** The snapshot kind of an event that carries a whole part of the state (see AggregateRoot.recordSnapshot). */
  snapshotOf(event: E): string | undefined;
}

/** The state after `events`, starting from `state` (the decider's initial state unless given). */
export function replay<S, E extends Decided>(
  decider: Decider<S, E>,
  events: readonly E[],
  state = decider.initial(),
): S {
  return events.reduce((current, event) => decider.evolve(current, event), state);
}

/**
 * An aggregate whose changes are decided by a pure decider: the entity only maps the decider's state to and from
 * its persisted fields, and applies each decision's events.
 */
export abstract class DecidedAggregate<S, E extends Decided> extends AggregateRoot {
  protected abstract get decider(): Decider<S, E>;

  /** The decider's view of the persisted fields. */
  abstract state(): S;

  /** Writes a state the decider's events led to into the persisted fields. */
  protected abstract writeState(state: S): void;

  /** Applies a decision: evolves the state by its events, writes it and records the events for the outbox. */
  protected apply(events: readonly E[], from: S = this.state()): S {
    const state = replay(this.decider, events, from);
    this.writeState(state);
    for (const event of events) {
      const kind = this.decider.snapshotOf(event);
      if (kind) this.recordSnapshot(kind, event.type, event.payload);
      else this.record(event.type, event.payload);
    }
    return state;
  }
}
