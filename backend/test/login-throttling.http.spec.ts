import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { PASSWORD, login, loginAttempts } from './support/identity-requests.js';

describe('behind a trusted proxy: lockouts are per account and address (issue #12, found 6)', () => {
  let platform: TestPlatform;
  let actors: Actors;

  beforeAll(async () => {
    platform = await TestPlatform.start({ TRUSTED_PROXIES: '127.0.0.1', LOGIN_MAX_FAILURES_PER_ADDRESS: '20' });
    actors = new Actors(platform.http);
  });
  afterAll(() => platform?.stop());

  it('lets the owner in from a clean address while an attacker fails from five others', async () => {
    const owner = await actors.register('student');
    const limitedBefore = await loginAttempts(platform, 'rate_limited');
    const variants = [owner.email, owner.email.toUpperCase(), `  ${owner.email} `];
    const attackers = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    for (const address of attackers) {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        statuses.push((await login(platform, variants[i % 3], 'wrong password', address)).status);
      }
      // An address that has not failed yet always gets its attempt checked; then its failures are held back.
      expect(statuses[0], address).toBe(400);
      expect(
        statuses.every((s) => s === 400 || s === 429),
        `${address}: ${statuses}`,
      ).toBe(true);
      expect(statuses.at(-1), address).toBe(429);
    }
    const lockedPair = await login(platform, owner.email, PASSWORD, attackers[0]);
    expect(lockedPair.status).toBe(429);
    expect(Number(lockedPair.headers.get('retry-after'))).toBeGreaterThan(0);

    const fromHome = await login(platform, owner.email, PASSWORD, '198.51.100.7');
    expect(fromHome.status).toBe(200);
    expect(fromHome.body.access_token).toBeTruthy();
    expect(await loginAttempts(platform, 'rate_limited')).toBeGreaterThan(limitedBefore);
  });

  it('lets no more guesses through than the lockout allows when they arrive all at once', async () => {
    const victim = await actors.register('student');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => login(platform, victim.email, 'wrong password', '203.0.113.77')),
    ).then((answers) => answers.map((a) => a.status));
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('keeps a shared gateway usable for accounts that signed in there when one user stuffs credentials', async () => {
    const gateway = '192.0.2.50';
    const regular = await actors.register('student');
    expect((await login(platform, regular.email, PASSWORD, gateway)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push((await login(platform, `victim-${i}@example.com`, 'guess', gateway)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));

    expect((await login(platform, regular.email, PASSWORD, gateway)).status).toBe(200);
    const newcomer = await actors.register('student');
    expect((await login(platform, newcomer.email, PASSWORD, gateway)).status).toBe(429);
    expect((await login(platform, newcomer.email, PASSWORD, '198.51.100.8')).status).toBe(200);
  });
});
