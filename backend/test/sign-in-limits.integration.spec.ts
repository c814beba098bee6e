import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrationRateLimiter } from '../aggregates/identity/commands/register-user/registration-rate-limiter.js';
import { LoginRateLimiter } from '../aggregates/identity/queries/login/login-rate-limiter.js';
import { loadConfig } from '../src/platform/config/config.js';
import { refusedFor } from '../src/platform/domain/errors.js';
import { RateLimitStore } from '../src/platform/http/rate-limit-store.js';

// The limiters against the shared Redis, under a prefix of their own.
const config = loadConfig({
  ...process.env,
  REDIS_PREFIX: `test:sign-in-limits:${randomUUID()}`,
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: '2',
});
const store = new RateLimitStore(config);
const logins = new LoginRateLimiter(store, config);
const registrations = new RegistrationRateLimiter(store, config);
// The store queues nothing while it connects (a request is answered 503 instead): wait until it is ready.
beforeAll(async () => {
  if (store.redis.status !== 'ready') await new Promise((resolve) => store.redis.once('ready', resolve));
});
afterAll(() => store.onApplicationShutdown());

const ADDRESS = '203.0.113.7';
const inFlight = config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;

/** 'begun' or 'refused' (429) for a limiter call; anything else fails the spec. */
const outcome = (attempt: Promise<void>) =>
  attempt.then(
    () => 'begun',
    (error: unknown) => (refusedFor(error, 'rate-limited') ? 'refused' : Promise.reject(error)),
  );

describe('the sign-in limits and attempts shed at the hashing gate (issue #9)', () => {
  it('counts a sign-in from its start, so concurrent guesses cannot all slip in', async () => {
    const email = `${randomUUID()}@example.com`;
    for (let i = 0; i < inFlight; i += 1) expect(await outcome(logins.begin(email, ADDRESS))).toBe('begun');
    expect(await outcome(logins.begin(email, ADDRESS))).toBe('refused');
  });

  it('takes the count back for a sign-in whose hash was shed, which was never tried', async () => {
    const email = `${randomUUID()}@example.com`;
    for (let i = 0; i < inFlight * 3; i += 1) {
      expect(await outcome(logins.begin(email, ADDRESS))).toBe('begun');
      await logins.withdraw(email, ADDRESS);
    }
    expect(await outcome(logins.begin(email, ADDRESS))).toBe('begun');
  });

  it('counts registrations per address, and takes back those whose hash was shed', async () => {
    for (let i = 0; i < 6; i += 1) {
      expect(await outcome(registrations.consume(ADDRESS))).toBe('begun');
      await registrations.withdraw(ADDRESS);
    }
    expect(await outcome(registrations.consume(ADDRESS))).toBe('begun');
    expect(await outcome(registrations.consume(ADDRESS))).toBe('begun');
    expect(await outcome(registrations.consume(ADDRESS))).toBe('refused');
  });
});
