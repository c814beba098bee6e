/**
 * What the browser tests share: waiting, asserting, and setting up through the HTTP API.
 * Plain TypeScript (erasable syntax only) so that Node runs it directly; see run.mjs.
 */

export const TIMEOUT_MS = 15_000;

export class StepError extends Error {
  override name = 'StepError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepError(message);
}

export async function poll<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until)
      throw new StepError(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Json {
  [key: string]: unknown;
}

export async function call(baseUrl: string, method: string, path: string, token?: string | null, body?: unknown) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : null) as Json | null;
  if (!response.ok) throw new StepError(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
  return json as Json;
}

export async function adminToken(baseUrl: string, options: { adminEmail?: string; adminPassword?: string }) {
  const admin = await call(baseUrl, 'POST', '/identity/login', null, {
    email: options.adminEmail ?? 'admin@eduplatform.com',
    password: options.adminPassword ?? 'password123',
  });
  return admin.access_token as string;
}

/** A new teacher account, not verified yet. */
export async function registerTeacher(baseUrl: string, tag: string) {
  const teacherEmail = `e2e-teacher-${tag}@example.com`;
  const teacherPassword = 'teach-pass-123';
  const teacherName = `E2E Teacher ${tag}`;
  const registered = await call(baseUrl, 'POST', '/identity/register', null, {
    email: teacherEmail,
    password: teacherPassword,
    name: teacherName,
    role: 'teacher',
  });
  const token = registered.access_token as string;
  const me = await call(baseUrl, 'GET', '/identity/me', token);
  return { token, id: me.id as string, teacherEmail, teacherPassword, teacherName };
}

/** A teacher registered through the API and verified by the bootstrap admin; the token carries the verification. */
export async function verifiedTeacher(
  baseUrl: string,
  options: { adminEmail?: string; adminPassword?: string },
  tag: string,
) {
  const { id, teacherEmail, teacherPassword } = await registerTeacher(baseUrl, tag);
  await call(baseUrl, 'PATCH', `/identity/admin/users/${id}/verify`, await adminToken(baseUrl, options));
  // A token issued after the verification carries it.
  const login = await call(baseUrl, 'POST', '/identity/login', null, {
    email: teacherEmail,
    password: teacherPassword,
  });
  return { teacher: login.access_token as string, teacherEmail, teacherPassword };
}
