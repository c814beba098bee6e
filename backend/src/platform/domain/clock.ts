/** The time source, injected so specs can fix "now". */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * `now`, or one millisecond after `previous` when the clock has not moved past it: a change always moves an
 * aggregate's timestamp forward, so it always reaches the database (and its version check).
 */
export function after(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
