/** The time source, injected so specs can fix "now". */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * The timestamp of a change: `now`, or one millisecond after `previous` when the clock has not moved past it, so
 * an `updated_at` never stands still or goes back.
 */
export function nextTimestamp(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
