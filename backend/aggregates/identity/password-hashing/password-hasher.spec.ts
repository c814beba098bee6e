import { describe, expect, it } from 'vitest';
import type { Timed } from './argon2.worker.js';
import { answeredBy } from './password-hasher.js';

describe('answeredBy: a sign-in waits for its hash until a deadline, not until the client gives up', () => {
  it('passes on a result that comes in time', async () => {
    const computed = new Promise<Timed<string>>((resolve) =>
      setTimeout(() => resolve({ late: false, value: 'hash', ms: 5 }), 10),
    );
    await expect(answeredBy(computed, Date.now() + 1_000)).resolves.toEqual({ late: false, value: 'hash', ms: 5 });
  });

  it('answers late at the deadline while the computation is still running', async () => {
    const never = new Promise<Timed<string>>(() => undefined);
    const started = Date.now();
    await expect(answeredBy(never, started + 50)).resolves.toEqual({ late: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('passes on a failure of the computation rather than hiding it', async () => {
    const failing = Promise.reject(new Error('thread died'));
    await expect(answeredBy(failing, Date.now() + 1_000)).rejects.toThrow('thread died');
  });
});
