import type { TestPlatform } from './test-platform.js';

export const PASSWORD = 'correct horse battery';

/** A login as sent through a proxy that names the client `address` (ignored unless the proxy is trusted). */
export function login(platform: TestPlatform, email: string, password: string, address?: string) {
  return platform.http.request('POST', '/api/identity/login', {
    json: { email, password },
    headers: address ? { 'x-forwarded-for': address } : {},
  });
}

/** A new student's registration, as sent through a proxy that names the client `address`. */
export function register(platform: TestPlatform, address: string) {
  return platform.http.request('POST', '/api/identity/register', {
    json: { email: `r-${Math.random()}@example.com`, password: PASSWORD, name: 'R' },
    headers: { 'x-forwarded-for': address },
  });
}

/** The value of `auth_login_attempts_total{outcome}` on the api's /metrics. */
export async function loginAttempts(platform: TestPlatform, outcome: string): Promise<number> {
  const text = (await platform.http.get('/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith(`auth_login_attempts_total{outcome="${outcome}"}`));
  return Number(line?.split(' ')[1] ?? 0);
}
