import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { login, register } from './support/identity-requests.js';

describe('without a trusted proxy the client cannot choose its address (issue #12, found 7)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.start({ REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3' });
  });
  afterAll(() => platform?.stop());

  it('ignores a rotated X-Forwarded-For: failures still count against the real address', async () => {
    const { email } = await (async () => {
      const r = await register(platform, '10.0.0.1');
      expect(r.status).toBe(200);
      return (await platform.http.get('/api/identity/me', r.body.access_token)).body as { email: string };
    })();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await login(platform, email, 'wrong password', `198.18.0.${i}`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
  });

  it('limits registrations per address, whatever X-Forwarded-For says', async () => {
    // One registration was used by the test above; two more are allowed this hour.
    expect((await register(platform, '10.0.0.2')).status).toBe(200);
    expect((await register(platform, '10.0.0.3')).status).toBe(200);
    const refused = await register(platform, '10.0.0.4');
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/registrations/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
