import { describe, expect, it } from 'vitest';
import { nextTimestamp } from './clock.js';
import { DecidedAggregate, replay, type Decided, type Decider } from './decider.js';

// A counter with a running total: Added is a fact, Totalled a snapshot of the whole state.
interface Counter {
  total: number;
}
type CounterEvent = Decided<'Added', { by: number }> | Decided<'Totalled', { total: number }>;

const counter: Decider<Counter, CounterEvent> = {
  initial: () => ({ total: 0 }),
  evolve: (state, event) => (event.type === 'Added' ? { total: state.total + event.payload.by } : state),
  snapshotOf: (event) => (event.type === 'Totalled' ? 'total' : undefined),
};
const add = (state: Counter, by: number): CounterEvent[] => [
  { type: 'Added', payload: { by } },
  { type: 'Totalled', payload: { total: state.total + by } },
];

class StoredCounter extends DecidedAggregate<Counter, CounterEvent> {
  id = 'counter-1';
  version = 1;
  total = 0;
  readonly aggregateType = 'Counter';
  readonly serviceSchema = 'course';
  protected get decider() {
    return counter;
  }
  add(by: number): void {
    this.apply(add(this.state(), by));
  }
  state(): Counter {
    return { total: this.total };
  }
  protected writeState(state: Counter): void {
    this.total = state.total;
  }
}

describe('decided aggregates', () => {
  it('replay folds events into the state from the initial one, or from a given one', () => {
    expect(replay(counter, [...add({ total: 0 }, 2), ...add({ total: 2 }, 3)])).toEqual({ total: 5 });
    expect(replay(counter, add({ total: 10 }, 1), { total: 10 })).toEqual({ total: 11 });
  });

  it('an entity applies a decision: state written, facts recorded, one snapshot per kind carrying the latest', () => {
    const stored = new StoredCounter();
    stored.add(2);
    stored.add(3);
    expect(stored.total).toBe(5);
    expect(stored.pullEvents()).toEqual([
      { type: 'Added', payload: { by: 2 } },
      { type: 'Totalled', payload: { total: 5 }, snapshotOf: 'total' },
      { type: 'Added', payload: { by: 3 } },
    ]);
    expect(stored.hasPendingEvents()).toBe(false);
  });

  it('a change timestamp always moves forward, even within one millisecond', () => {
    const previous = new Date('2026-01-01T00:00:00.000Z');
    expect(nextTimestamp(previous, previous).toISOString()).toBe('2026-01-01T00:00:00.001Z');
    expect(nextTimestamp(previous, new Date('2025-12-31T00:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.001Z');
    expect(nextTimestamp(previous, new Date('2026-01-02T00:00:00Z')).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });
});
