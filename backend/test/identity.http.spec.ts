import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from 'fast-jwt';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';

let platform: TestPlatform;
let actors: Actors;

beforeAll(async () => {
  platform = await TestPlatform.start({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '3' });
  actors = new Actors(platform.http);
});
afterAll(() => platform?.stop());

describe('Identity over HTTP', () => {
  it('registers a student, logs in and reads /me', async () => {
    const email = `Ann-${Date.now()}@Example.com`;
    const registered = await platform.http.post('/api/identity/register', {
      email,
      password: 'long enough pw',
      name: 'Ann',
    });
    expect(registered.status).toBe(200);
    expect(registered.body.token_type).toBe('bearer');

    const login = await platform.http.post('/api/identity/login', {
      email: email.toLowerCase(),
      password: 'long enough pw',
    });
    expect(login.status).toBe(200);
    const me = await platform.http.get('/api/identity/me', login.body.access_token);
    expect(me.body).toMatchObject({ email: email.toLowerCase(), name: 'Ann', role: 'student', is_verified: true });
    expect(me.body).not.toHaveProperty('password_hash');
  });

  it('stores passwords as argon2id with at least 19 MiB and t=2', async () => {
    const { email } = await actors.register('student');
    const { rows } = await platform.sql.query('SELECT password_hash FROM identity.users WHERE email = $1', [email]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a second account with the same email (409), whatever its case', async () => {
    const { email } = await actors.register('student');
    const again = await platform.http.post('/api/identity/register', {
      email: email.toUpperCase(),
      password: 'another password',
      name: 'X',
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already registered/);
  });

  it('refuses to register an admin (422)', async () => {
    const r = await platform.http.post('/api/identity/register', {
      email: 'boss@example.com',
      password: 'password123',
      name: 'B',
      role: 'admin',
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].field).toBe('role');
  });

  it('answers the same 400 for an unknown email and a wrong password', async () => {
    const { email } = await actors.register('student');
    const wrongPassword = await platform.http.post('/api/identity/login', { email, password: 'not the password' });
    const unknown = await platform.http.post('/api/identity/login', {
      email: `nobody-${Date.now()}@example.com`,
      password: 'whatever',
    });
    expect(wrongPassword.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrongPassword.body).toEqual(unknown.body);
  });

  it('rate-limits repeated failed logins of one account (429 with Retry-After), even with the right password', async () => {
    const { email } = await actors.register('student');
    for (let i = 0; i < 3; i += 1) {
      expect((await platform.http.post('/api/identity/login', { email, password: 'wrong password' })).status).toBe(400);
    }
    const blocked = await platform.http.post('/api/identity/login', { email, password: 'correct horse battery' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects missing, malformed, forged, expired and wrong-algorithm tokens with 401', async () => {
    const { id } = await actors.register('student');
    const now = Math.floor(Date.now() / 1000);
    const forged = createSigner({ key: 'x'.repeat(40), algorithm: 'HS256' })({
      sub: id,
      role: 'admin',
      is_verified: true,
    });
    const expired = createSigner({ key: platform.config.JWT_SECRET, algorithm: 'HS256' })({
      sub: id,
      role: 'student',
      is_verified: true,
      iat: now - 7200,
      exp: now - 3600,
    });
    const hs512 = createSigner({ key: platform.config.JWT_SECRET, algorithm: 'HS512' })({
      sub: id,
      role: 'admin',
      is_verified: true,
    });
    const unsigned = createSigner({ algorithm: 'none' })({ sub: id, role: 'admin', is_verified: true });
    for (const token of [undefined, 'garbage', forged, expired, hs512, unsigned]) {
      const r = await platform.http.get('/api/identity/me', token);
      expect(r.status, String(token)).toBe(401);
      expect(r.body.detail).toBeTruthy();
    }
    const badScheme = await platform.http.request('GET', '/api/identity/me', {
      headers: { authorization: 'Basic abc' },
    });
    expect(badScheme.status).toBe(401);
  });

  it('lists pending teachers newest first, a page at a time, searchable by name or email', async () => {
    const older = await actors.register('teacher', 'Ada Pendingworth');
    const newer = await actors.register('teacher', 'Bob Pendingworth');
    const admin = await actors.admin();
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((t) => t.id);

    const newest = await platform.http.get('/api/identity/admin/teachers/pending?limit=1', admin);
    expect(ids(newest)).toEqual([newer.id]);
    const byName = await platform.http.get('/api/identity/admin/teachers/pending?q=pendingworth', admin);
    expect(ids(byName)).toEqual([newer.id, older.id]);
    expect(byName.body.total).toBe(2);
    const secondPage = await platform.http.get(
      '/api/identity/admin/teachers/pending?q=pendingworth&limit=1&offset=1',
      admin,
    );
    expect(ids(secondPage)).toEqual([older.id]);
    const byEmail = await platform.http.get(
      `/api/identity/admin/teachers/pending?q=${older.email.slice(8, 30)}`,
      admin,
    );
    expect(ids(byEmail)).toEqual([older.id]);
    // LIKE wildcards are matched literally.
    expect((await platform.http.get('/api/identity/admin/teachers/pending?q=%25', admin)).body.total).toBe(0);
    expect((await platform.http.get('/api/identity/admin/teachers/pending?q=a&extra=1', admin)).status).toBe(422);
  });

  it('lets only admins list pending teachers and verify them; verification reaches the next token', async () => {
    const teacher = await actors.register('teacher');
    const student = await actors.register('student');
    const admin = await actors.admin();

    expect((await platform.http.get('/api/identity/admin/teachers/pending', student.token)).status).toBe(403);
    expect((await platform.http.get('/api/identity/admin/teachers/pending', teacher.token)).status).toBe(403);
    expect((await platform.http.get('/api/identity/admin/teachers/pending')).status).toBe(401);
    const pending = await platform.http.get('/api/identity/admin/teachers/pending?limit=100', admin);
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((t: { id: string }) => t.id)).toContain(teacher.id);

    expect(
      (await platform.http.patch(`/api/identity/admin/users/${teacher.id}/verify`, {}, teacher.token)).status,
    ).toBe(403);
    const verified = await platform.http.patch(`/api/identity/admin/users/${teacher.id}/verify`, {}, admin);
    expect(verified.status).toBe(200);
    expect(verified.body.is_verified).toBe(true);

    const again = await platform.http.patch(`/api/identity/admin/users/${teacher.id}/verify`, {}, admin);
    expect(again.status).toBe(409);
    const studentVerify = await platform.http.patch(`/api/identity/admin/users/${student.id}/verify`, {}, admin);
    expect(studentVerify.status).toBe(409);
    const unknown = await platform.http.patch(
      '/api/identity/admin/users/00000000-0000-4000-8000-000000000000/verify',
      {},
      admin,
    );
    expect(unknown.status).toBe(404);
    const badId = await platform.http.patch('/api/identity/admin/users/not-a-uuid/verify', {}, admin);
    expect(badId.status).toBe(422);

    const refreshed = await platform.http.post('/api/identity/token/refresh', {}, teacher.token);
    const claims = JSON.parse(Buffer.from(refreshed.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: teacher.id, role: 'teacher', is_verified: true });
    expect(claims.exp - claims.iat).toBe(3600);

    const { rows } = await platform.sql.query(
      `SELECT event_type FROM identity.outbox WHERE aggregate_id = $1 ORDER BY position`,
      [teacher.id],
    );
    expect(rows.map((r) => r.event_type)).toEqual(['identity.UserRegistered', 'identity.TeacherVerified']);
  });

  it.each([
    ['malformed JSON', '{"email": "a@b.c", ', 400],
    ['an array body', '[]', 422],
    ['null body', 'null', 422],
    ['wrong types', JSON.stringify({ email: 42, password: true, name: [] }), 422],
    ['missing fields', JSON.stringify({}), 422],
    [
      'an oversize name',
      JSON.stringify({ email: 'long@example.com', password: 'password123', name: 'n'.repeat(101) }),
      422,
    ],
    ['a short password', JSON.stringify({ email: 'short@example.com', password: 'short', name: 'S' }), 422],
    [
      'an unknown field',
      JSON.stringify({ email: 'u@example.com', password: 'password123', name: 'U', is_admin: true }),
      422,
    ],
    [
      'a huge body',
      JSON.stringify({ email: 'h@example.com', password: 'password123', name: 'x'.repeat(600_000) }),
      413,
    ],
  ])('answers %s on register with a 4xx and a detail', async (_, raw, status) => {
    const r = await platform.http.request('POST', '/api/identity/register', { raw });
    expect(r.status).toBe(status);
    expect(typeof r.body.detail).toBe('string');
  });

  it('serves liveness, readiness, metrics and the OpenAPI document', async () => {
    expect((await platform.http.get('/health/live')).status).toBe(200);
    const ready = await platform.http.get('/health/ready');
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { postgres: 'ok', redis: 'ok' },
      pipeline: {
        unpublished: expect.any(Number),
        oldest_unrelayed_seconds: expect.any(Number),
        quarantined: 0,
        failed: 0,
      },
    });
    const metrics = await platform.http.get('/metrics');
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/identity/register"');
    expect(metrics.body).toContain('db_pool_connections');
    expect(metrics.body).toContain('projection_queue_jobs');
    expect(metrics.body).toContain('outbox_unpublished_events');
    const openapi = await platform.http.get('/api/docs/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toContain('/api/course/courses/{id}/curriculum');
  });
});
