// Runs in the password hasher's worker threads (see password-hasher.ts), one argon2 computation at a time on
// the thread itself, so that the thread's lowered CPU priority is the computation's. Plain TypeScript that Node
// can run without a build (erasable syntax only): the tests load this file from source.
import { Algorithm, hashSync, verifySync } from '@node-rs/argon2';

/** argon2id at OWASP's minimum recommendation: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2ID = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * A result with the time its computation took on this thread (waits for the CPU included, queueing not), or
 * `late` when the task reached the thread after its start-by time and was not computed.
 */
export type Timed<T> = { late: false; value: T; ms: number } | { late: true };

/** A task handed to the threads: what to compute, and the time (epoch ms) after which it is not started. */
export interface HashTask<A> {
  args: A;
  startBy: number;
}

function timed<T>(startBy: number, compute: () => T): Timed<T> {
  if (Date.now() > startBy) return { late: true };
  const started = performance.now();
  const value = compute();
  return { late: false, value, ms: performance.now() - started };
}

export function hash({ args: password, startBy }: HashTask<string>): Timed<string> {
  return timed(startBy, () => hashSync(password, ARGON2ID));
}

/** False for a wrong password and for a stored hash that is not a valid argon2 string: it never authenticates. */
export function verify({ args: { stored, password }, startBy }: HashTask<{ stored: string; password: string }>) {
  return timed(startBy, () => {
    try {
      return verifySync(stored, password);
    } catch {
      return false;
    }
  });
}
