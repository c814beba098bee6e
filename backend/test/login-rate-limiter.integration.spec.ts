import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../aggregates/identity/queries/login/login-rate-limiter.js';
import { loadConfig } from '../src/platform/config/config.js';
import { refusedFor } from '../src/platform/domain/errors.js';
import { RateLimitStore } from '../src/platform/http/rate-limit-store.js';

// The limiter against the shared Redis, under a prefix of its own.
const config = loadConfig({ ...process.env, REDIS_PREFIX: `test:login-limiter:${randomUUID()}` });
const store = new RateLimitStore(config);
const limiter = new LoginRateLimiter(store, config);
// The store queues nothing while it connects (a request is answered 503 instead): wait until it is ready.
beforeAll(async () => {
  if (store.redis.status !== 'ready') await new Promise((resolve) => store.redis.once('ready', resolve));
});
afterAll(() => store.onApplicationShutdown());

const ADDRESS = '203.0.113.7';
const inFlight = config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;

const begins = async (email: string) =>
  limiter.begin(email, ADDRESS).then(
    () => 'begun',
    (error: unknown) => (refusedFor(error, 'rate-limited') ? 'refused' : Promise.reject(error)),
  );

describe('the login limiter and attempts shed at the hashing gate (issue #9)', () => {
  it('counts an attempt from its start, so concurrent guesses cannot all slip in', async () => {
    const email = `${randomUUID()}@example.com`;
    for (let i = 0; i < inFlight; i += 1) expect(await begins(email)).toBe('begun');
    expect(await begins(email)).toBe('refused');
  });

  it('takes the count back for an attempt whose hash was shed, which was never tried', async () => {
    const email = `${randomUUID()}@example.com`;
    for (let i = 0; i < inFlight * 3; i += 1) {
      expect(await begins(email)).toBe('begun');
      await limiter.withdraw(email, ADDRESS);
    }
    expect(await begins(email)).toBe('begun');
  });
});
