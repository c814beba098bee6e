import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';

const FRONTEND_HANDLER = fileURLToPath(new URL('../../frontend/build/handler.js', import.meta.url));
const ORIGIN = 'https://edu.example.com';

let platform: TestPlatform;
let actors: Actors;
let teacher: { token: string; id: string };

beforeAll(async () => {
  // The built frontend is mounted as in production (npm test builds it before the specs run).
  if (!existsSync(FRONTEND_HANDLER)) throw new Error(`${FRONTEND_HANDLER} is missing: run npm run build first`);
  platform = await TestPlatform.start({ FRONTEND_HANDLER, PUBLIC_ORIGIN: ORIGIN });
  actors = new Actors(platform.http);
  teacher = await actors.verifiedTeacher();
});
afterAll(() => platform?.stop());

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';

describe('text is valid Unicode without NUL (issue #12, found 1 and 2)', () => {
  it('answers 422 naming the field for a NUL or a lone surrogate in a body', async () => {
    const course = await actors.course(teacher.token);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['POST', '/api/identity/login', { email: NUL, password: 'x' }, 'email'],
      [
        'POST',
        '/api/identity/register',
        { email: 'n@example.com', password: 'long enough', name: LONE_SURROGATE },
        'name',
      ],
      [
        'POST',
        '/api/course/courses',
        { title: LONE_SURROGATE, description: '', is_free: true, duration_minutes: 1, level: 'beginner' },
        'title',
      ],
      ['PUT', `/api/course/courses/${course.id}`, { description: NUL }, 'description'],
      ['POST', `/api/course/courses/${course.id}/modules`, { title: NUL }, 'title'],
    ];
    for (const [method, path, json, field] of cases) {
      for (const value of [NUL, LONE_SURROGATE]) {
        const body = Object.fromEntries(Object.entries(json).map(([k, v]) => [k, k === field ? value : v]));
        const r = await platform.http.request(method, path, { json: body, token: teacher.token });
        expect(r.status, `${method} ${path} ${JSON.stringify(value)}`).toBe(422);
        expect(r.body.errors).toEqual([{ field, message: expect.stringMatching(/NUL/) }]);
        expect(r.body.detail).toContain(field);
      }
    }
  });

  it('answers 422 naming the parameter for a NUL or broken UTF-8 in the query or a path parameter', async () => {
    const query = await platform.http.get('/api/course/courses?q=a%00');
    expect(query.status).toBe(422);
    expect(query.body.errors[0].field).toBe('q');

    const path = await platform.http.get('/api/course/courses/%00/curriculum');
    expect(path.status).toBe(422);
    expect(path.body.detail).toMatch(/^id:/);

    const notifications = await platform.http.get(
      '/api/notification/notifications/me?unread_only=%ED%A0%80',
      (await actors.register('student')).token,
    );
    expect(notifications.status).toBe(422);
    expect(notifications.body.errors[0].field).toBe('unread_only');
  });

  it('keeps valid text in any script and emoji', async () => {
    const created = await platform.http.post(
      `/api/course/courses`,
      { title: 'Курс 📚 课程', description: 'ok', is_free: true, duration_minutes: 5, level: 'beginner' },
      teacher.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('Курс 📚 课程');
  });
});

describe('tokens with malformed claims (issue #12, found 3)', () => {
  it('answers 401 for a correctly signed token whose sub is not a UUID or whose role is missing or unknown', async () => {
    const sign = createSigner({ key: platform.config.JWT_SECRET, algorithm: 'HS256', expiresIn: 60_000 });
    const id = '00000000-0000-4000-8000-000000000000';
    for (const claims of [
      { sub: 'not-a-uuid', role: 'student', is_verified: true },
      { sub: "1' OR '1'='1", role: 'admin', is_verified: true },
      { sub: id, is_verified: true },
      { sub: id, role: 'root', is_verified: true },
      { sub: 42, role: 'student' },
    ]) {
      const r = await platform.http.get('/api/identity/me', sign(claims));
      expect(r.status, JSON.stringify(claims)).toBe(401);
      expect(r.body.detail).toBeTruthy();
    }
  });
});

describe('security headers and CORS (issue #12)', () => {
  const expectSecurityHeaders = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('sends them on API answers, errors included', async () => {
    for (const path of [
      '/api/course/courses',
      '/api/identity/me',
      '/api/nope',
      '/health/live',
      '/api/course/lessons/%E0%A4%A',
    ]) {
      expectSecurityHeaders((await platform.http.get(path)).headers);
    }
  });

  it('sends them on frontend pages, whose CSP lets exactly SvelteKit’s own inline script run', async () => {
    const page = await platform.http.get('/');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    const html = page.body as string;
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it('grants cross-origin access to the site’s own origin only', async () => {
    const preflight = (origin: string) =>
      platform.http.request('OPTIONS', '/api/identity/me', {
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const own = await preflight(ORIGIN);
    expect(own.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const evil = await preflight('https://evil.example.net');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const read = await platform.http.request('GET', '/api/course/courses', {
      headers: { origin: 'https://evil.example.net' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    // The site's own pages read answers and refusals alike.
    for (const path of ['/api/course/courses', '/api/identity/me']) {
      const ownRead = await platform.http.request('GET', path, { headers: { origin: ORIGIN } });
      expect(ownRead.headers.get('access-control-allow-origin'), path).toBe(ORIGIN);
      expect(ownRead.headers.get('vary'), path).toContain('Origin');
    }
  });
});
