import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSchemas } from '../src/platform/http/responses.js';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { connectLive } from './support/live-client.js';

/**
 * Every route of the OpenAPI document × every kind of caller, against the access rules of API.md, with the ids of
 * another user's resources where a route takes one (IDOR), and the Socket.IO subscriptions. Every answer let
 * through must have the shape the document gives for its status (the contract the frontend's types come from).
 */

const ROLES = ['anonymous', 'student', 'otherStudent', 'unverifiedTeacher', 'otherTeacher', 'owner', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Expected = Record<Role, number>;

/** `ok` for every caller. */
const everyone = (ok: number): Expected => Object.fromEntries(ROLES.map((r) => [r, ok])) as Expected;
/** `ok` for signed-in callers, 401 without a token. */
const signedIn = (ok: number): Expected => ({ ...everyone(ok), anonymous: 401 });
/** `ok` for `allowed`, `denied` for the other signed-in callers, 401 without a token. */
const only = (ok: number, allowed: Role[], denied = 403): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 401 : allowed.includes(r) ? ok : denied])) as Expected;

const STUDENTS: Role[] = ['student', 'otherStudent'];
const TEACHERS: Role[] = ['unverifiedTeacher', 'otherTeacher', 'owner'];
const VERIFIED_TEACHERS: Role[] = ['otherTeacher', 'owner'];

interface World {
  tokens: Record<Exclude<Role, 'anonymous'>, string>;
  ids: Record<string, string>;
  fresh: {
    module: () => Promise<string>;
    lesson: () => Promise<string>;
    unverifiedTeacher: () => Promise<string>;
  };
}

interface Row {
  method: string;
  /** The path as in the OpenAPI document. */
  route: string;
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => unknown;
  expected: Expected;
  /** Further checks of an allowed answer's body. */
  check?: (role: Role, body: any, w: World) => void;
}

const fill = (route: string, values: Record<string, string>) =>
  route.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

const row = (
  method: string,
  route: string,
  params: (w: World) => Record<string, string> | Promise<Record<string, string>>,
  expected: Expected,
  extra: Partial<Pick<Row, 'body' | 'check'>> = {},
): Row => ({ method, route, path: async (w) => fill(route, await params(w)), expected, ...extra });
const none = () => ({});

const ROWS: Row[] = [
  // identity
  row('POST', '/api/identity/register', none, everyone(200), {
    body: () => ({ email: `new-${randomUUID()}@example.com`, password: 'long enough pw', name: 'New' }),
  }),
  row('POST', '/api/identity/login', none, everyone(200), {
    body: (w) => ({ email: w.ids.loginEmail, password: 'correct horse battery' }),
  }),
  row('GET', '/api/identity/me', none, signedIn(200)),
  row('POST', '/api/identity/token/refresh', none, signedIn(200)),
  row('GET', '/api/identity/admin/teachers/pending', none, only(200, ['admin'])),
  row(
    'PATCH',
    '/api/identity/admin/users/{user_id}/verify',
    async (w) => ({ user_id: await w.fresh.unverifiedTeacher() }),
    only(200, ['admin']),
    { body: () => ({}) },
  ),
  // courses
  row('GET', '/api/course/courses', none, everyone(200)),
  row('GET', '/api/course/courses/my', none, only(200, TEACHERS)),
  row('GET', '/api/course/courses/my/dashboard', none, only(200, TEACHERS)),
  row('GET', '/api/course/courses/{id}', (w) => ({ id: w.ids.course }), everyone(200)),
  row('GET', '/api/course/courses/{id}/curriculum', (w) => ({ id: w.ids.course }), everyone(200), {
    check: (role, body, w) => {
      const lessons = body.modules.flatMap((m: { lessons: { id: string; video_url?: string }[] }) => m.lessons);
      const paid = lessons.find((l: { id: string }) => l.id === w.ids.lesson);
      const preview = lessons.find((l: { id: string }) => l.id === w.ids.previewLesson);
      expect(preview.video_url).toBe('https://videos.example.com/preview.mp4');
      const mayWatch = ['student', 'owner', 'admin'].includes(role);
      expect(paid.video_url, role).toBe(mayWatch ? 'https://videos.example.com/paid.mp4' : undefined);
    },
  }),
  row('GET', '/api/course/courses/{id}/dashboard', (w) => ({ id: w.ids.course }), only(200, ['owner', 'admin'])),
  row('POST', '/api/course/courses', none, only(201, VERIFIED_TEACHERS), {
    body: () => ({ title: 'T', description: 'D', is_free: true, duration_minutes: 10, level: 'beginner' }),
  }),
  row('PUT', '/api/course/courses/{id}', (w) => ({ id: w.ids.course }), only(200, ['owner']), {
    body: () => ({ description: 'Edited' }),
  }),
  row('POST', '/api/course/courses/{id}/modules', (w) => ({ id: w.ids.course }), only(201, ['owner']), {
    body: () => ({ title: 'Extra module' }),
  }),
  row('PUT', '/api/course/modules/{id}', (w) => ({ id: w.ids.module }), only(200, ['owner']), {
    body: () => ({ title: 'Renamed' }),
  }),
  row('DELETE', '/api/course/modules/{id}', async (w) => ({ id: await w.fresh.module() }), only(204, ['owner'])),
  row('POST', '/api/course/modules/{id}/lessons', (w) => ({ id: w.ids.module }), only(201, ['owner']), {
    body: () => ({ title: 'Extra lesson', content: 'x' }),
  }),
  row('GET', '/api/course/lessons/{id}', (w) => ({ id: w.ids.lesson }), {
    ...only(200, ['student', 'owner', 'admin']),
  }),
  row('PUT', '/api/course/lessons/{id}', (w) => ({ id: w.ids.lesson }), only(200, ['owner']), {
    body: () => ({ title: 'Renamed lesson' }),
  }),
  row('DELETE', '/api/course/lessons/{id}', async (w) => ({ id: await w.fresh.lesson() }), only(204, ['owner'])),
  // Publishing an already published course changes nothing, so every caller can try the same one.
  row('POST', '/api/course/courses/{id}/publish', (w) => ({ id: w.ids.course }), only(200, ['owner'])),
  row('POST', '/api/course/lessons/preview', none, only(200, [...TEACHERS, 'admin']), {
    body: () => ({ content: '**bold** [link](https://example.com)' }),
  }),
  row('GET', '/api/course/lessons/{id}/place', (w) => ({ id: w.ids.lesson }), everyone(200)),
  // reviews: only the enrolled student may post; only the author may edit
  row('POST', '/api/course/reviews', none, only(201, ['student']), {
    body: (w) => ({ course_id: w.ids.course, rating: 5, comment: 'Great' }),
  }),
  row('PUT', '/api/course/reviews/{id}', (w) => ({ id: w.ids.review }), only(200, ['student']), {
    body: () => ({ comment: 'Edited' }),
  }),
  row('GET', '/api/course/reviews/course/{id}', (w) => ({ id: w.ids.course }), everyone(200)),
  // enrollment and progress
  row('POST', '/api/enrollment/enrollments', none, only(201, STUDENTS), {
    body: (w) => ({ course_id: w.ids.freeCourse }),
  }),
  row('GET', '/api/enrollment/enrollments/me', none, only(200, STUDENTS)),
  row('GET', '/api/enrollment/enrollments/course/{id}/count', (w) => ({ id: w.ids.course }), everyone(200)),
  row(
    'POST',
    '/api/enrollment/progress/lessons/{lesson_id}/complete',
    (w) => ({ lesson_id: w.ids.lesson }),
    only(201, ['student']),
    { body: () => ({}) },
  ),
  row('GET', '/api/enrollment/progress/courses/{id}', (w) => ({ id: w.ids.course }), {
    ...only(200, ['student']),
  }),
  row('GET', '/api/enrollment/progress/courses/{id}/lessons', (w) => ({ id: w.ids.course }), only(200, ['student'])),
  row('GET', '/api/enrollment/certificates/{id}', (w) => ({ id: w.ids.certificate }), everyone(200)),
  // payments: someone else's payment is 404, as if it did not exist
  row('POST', '/api/payment/payments', none, only(201, STUDENTS), {
    body: (w) => ({ course_id: w.ids.payableCourse, amount: 10 }),
  }),
  row('GET', '/api/payment/payments/me', none, only(200, STUDENTS)),
  row('GET', '/api/payment/payments/{id}', (w) => ({ id: w.ids.payment }), {
    ...only(404, [], 404),
    student: 200,
    admin: 200,
  }),
  // notifications: someone else's notification is 404
  row('GET', '/api/notification/notifications/me', none, signedIn(200)),
  row('PATCH', '/api/notification/notifications/{id}/read', (w) => ({ id: w.ids.notification }), {
    ...only(404, [], 404),
    student: 200,
  }),
  row('POST', '/api/notification/notifications', none, only(201, ['admin']), {
    body: (w) => ({ user_id: w.ids.student, title: 'Notice' }),
  }),
];

let platform: TestPlatform;
let world: World;
let document: OpenApiDocument;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>
  >;
}

/** Why `body` is not what the document says the route answers with `status`; undefined when it is. */
function contractBreach(method: string, route: string, status: number, body: unknown): string | undefined {
  const documented = document.paths[route]?.[method.toLowerCase()]?.responses[String(status)];
  if (!documented) return `status ${status} is not documented`;
  const ref = documented.content?.['application/json']?.schema.$ref;
  if (!ref) return status === 204 ? undefined : `status ${status} documents no answer schema`;
  const id = ref.replace('#/components/schemas/', '');
  const schema = responseSchemas._idmap.get(id);
  if (!schema) return `no response schema named ${id}`;
  const parsed = z.safeParse(schema, body);
  return parsed.success ? undefined : `not a ${id}: ${parsed.error.message}`;
}

async function buildWorld(): Promise<World> {
  const http = platform.http;
  const actors = new Actors(http);
  const [owner, otherTeacher, unverifiedTeacher, student, otherStudent, loginUser] = await Promise.all([
    actors.verifiedTeacher(),
    actors.verifiedTeacher(),
    actors.register('teacher'),
    actors.register('student'),
    actors.register('student'),
    actors.register('student'),
  ]);
  const admin = await actors.admin();
  const post = async (path: string, body: unknown, token: string) => {
    const r = await http.post(path, body, token);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const moduleIn = (courseId: string) => post(`/api/course/courses/${courseId}/modules`, { title: 'M' }, owner.token);
  const lessonIn = (moduleId: string, extra: Record<string, unknown> = {}) =>
    post(`/api/course/modules/${moduleId}/lessons`, { title: 'L', content: 'Body', ...extra }, owner.token);
  const payAndEnroll = async (courseId: string, price: number) => {
    const payment = await post('/api/payment/payments', { course_id: courseId, amount: price }, student.token);
    await post('/api/enrollment/enrollments', { course_id: courseId }, student.token);
    return payment;
  };

  // The course under test: paid, a preview lesson and a paid one; `student` has paid and enrolled.
  const course = await actors.course(owner.token, { is_free: false, price: 20 });
  const module = await moduleIn(course.id);
  const previewLesson = await lessonIn(module.id, {
    is_preview: true,
    video_url: 'https://videos.example.com/preview.mp4',
  });
  const lesson = await lessonIn(module.id, { video_url: 'https://videos.example.com/paid.mp4' });
  await lessonIn(module.id);
  const reviewed = await actors.course(owner.token, { is_free: false, price: 5 });
  const freeCourse = await actors.course(owner.token, { is_free: true });
  const payableCourse = await actors.course(owner.token, { is_free: false, price: 10 });
  const finished = await actors.course(owner.token, { is_free: true });
  const onlyLesson = await lessonIn((await moduleIn(finished.id)).id);
  await platform.settle();

  const payment = await payAndEnroll(course.id, 20);
  // The student also reviewed a second course, and holds the certificate of a completed free one; `freeCourse`
  // and `payableCourse` are left for the enrollment and payment rows.
  await payAndEnroll(reviewed.id, 5);
  await platform.settle();
  const review = await post('/api/course/reviews', { course_id: reviewed.id, rating: 4, comment: 'ok' }, student.token);
  await post('/api/enrollment/enrollments', { course_id: finished.id }, student.token);
  await post(`/api/enrollment/progress/lessons/${onlyLesson.id}/complete`, {}, student.token);
  await platform.settle();
  const enrollments = (await http.get('/api/enrollment/enrollments/me?limit=100', student.token)).body.items;
  const certificate = enrollments.find((e: { course_id: string }) => e.course_id === finished.id).certificate_id;
  const notification = (await http.get('/api/notification/notifications/me', student.token)).body.items[0].id;

  return {
    tokens: {
      student: student.token,
      otherStudent: otherStudent.token,
      unverifiedTeacher: unverifiedTeacher.token,
      otherTeacher: otherTeacher.token,
      owner: owner.token,
      admin,
    },
    ids: {
      course: course.id,
      module: module.id,
      lesson: lesson.id,
      previewLesson: previewLesson.id,
      payment: payment.id,
      review: review.id,
      freeCourse: freeCourse.id,
      payableCourse: payableCourse.id,
      certificate,
      notification,
      student: student.id,
      otherTeacherCourse: (await actors.course(otherTeacher.token)).id,
      loginEmail: loginUser.email,
    },
    fresh: {
      module: async () => (await moduleIn(course.id)).id,
      lesson: async () => (await lessonIn(module.id)).id,
      unverifiedTeacher: async () => (await actors.register('teacher')).id,
    },
  };
}

beforeAll(async () => {
  platform = await TestPlatform.start();
  world = await buildWorld();
  document = (await platform.http.get('/api/docs/openapi.json')).body;
}, 120_000);
afterAll(() => platform?.stop());

let cells = 0;

describe('authorization: every route × every caller', () => {
  it('covers every route of the OpenAPI document', async () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ROWS.map((r) => `${r.method} ${r.route}`).sort()).toEqual(documented.sort());
  });

  it.each(ROWS.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', async (_, r) => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const path = await r.path(world);
      const token = role === 'anonymous' ? undefined : world.tokens[role];
      const answer = await platform.http.request(r.method, path, { token, json: r.body?.(world) });
      cells += 1;
      if (answer.status !== r.expected[role]) {
        mismatches.push(`${role}: ${answer.status} (expected ${r.expected[role]}) ${JSON.stringify(answer.body)}`);
      } else if (answer.status < 300) {
        const breach = contractBreach(r.method, r.route, answer.status, answer.body);
        if (breach) mismatches.push(`${role}: ${breach}`);
        r.check?.(role, answer.body, world);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('Socket.IO: handshake, dashboard.subscribe and course.follow', async () => {
    const base = platform.http.baseUrl;
    await expect(connectLive(base, undefined)).rejects.toThrow();
    await expect(connectLive(base, 'forged.token.value')).rejects.toThrow();
    cells += 2;
    for (const role of ROLES.filter((r) => r !== 'anonymous')) {
      const socket = await connectLive(base, world.tokens[role as Exclude<Role, 'anonymous'>]);
      try {
        const dashboard = await socket.emitWithAck('dashboard.subscribe', { course_id: world.ids.course });
        expect(dashboard.ok, `${role} dashboard.subscribe`).toBe(role === 'owner' || role === 'admin');
        const foreign = await socket.emitWithAck('dashboard.subscribe', { course_id: world.ids.otherTeacherCourse });
        expect(foreign.ok, `${role} dashboard.subscribe of otherTeacher's course`).toBe(
          role === 'otherTeacher' || role === 'admin',
        );
        const follow = await socket.emitWithAck('course.follow', { course_id: world.ids.course });
        expect(follow.ok, `${role} course.follow`).toBe(true);
        cells += 3;
      } finally {
        socket.close();
      }
    }
  });

  afterAll(() => {
    console.log(`authorization cells checked: ${cells} (${ROWS.length} routes × ${ROLES.length} callers + sockets)`);
  });
});
