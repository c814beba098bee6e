import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from './support/databases.js';
import { HttpClient } from './support/http-client.js';
import { Actors } from './support/actors.js';
import { PlatformProcess, platformEnv, waitUntilReady } from './support/processes.js';
import { freePort } from './support/free-port.js';
import { dropRedisPrefix } from './support/redis-prefix.js';
import { retried, unlessBusy } from './support/busy-retry.js';
import { EnrollmentEvents } from '../aggregates/enrollment/enrollment.events.js';

// The actor guarantee across replicas: two api processes complete a course's last two lessons at the same
// moment. A completion is a child row of the enrollment; unless the command bumps the enrollment's version,
// neither transaction sees the other's lesson and the course is never completed.
const RUNS = 50;
const LESSONS = 4;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let processes: PlatformProcess[] = [];
let apis: HttpClient[];
let sql: pg.Pool;
const prefix = `test:race:${process.pid}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const env = platformEnv(database.url, prefix);
  const ports = [await freePort(), await freePort()];
  processes = [
    ...ports.map((port) => PlatformProcess.start('api', { ...env, PORT: String(port) })),
    PlatformProcess.start('worker', env),
  ];
  await Promise.all(ports.map((port) => waitUntilReady(`http://127.0.0.1:${port}/health/live`, 60_000)));
  apis = ports.map((port) => new HttpClient(`http://127.0.0.1:${port}`));
  sql = new pg.Pool({ connectionString: database.url, max: 3 });
  sql.on('error', () => undefined);
}, 90_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await sql?.end();
  await dropRedisPrefix(prefix);
  await database?.drop();
});

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('completing the last two lessons through two api replicas at once', () => {
  it(`completes the course exactly once, with one certificate and one notification, ${RUNS} times in a row`, async () => {
    const [one, two] = apis;
    const actors = new Actors(one);
    const teacher = await retried(() => actors.verifiedTeacher());
    const course = await retried(() => actors.course(teacher.token, { is_free: true }));
    const module = (await one.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lessons: string[] = [];
    for (let i = 0; i < LESSONS; i += 1)
      lessons.push(
        (await one.post(`/api/course/modules/${module.id}/lessons`, { title: `L${i}`, content: '' }, teacher.token))
          .body.id,
      );
    // Completing a lesson looks its course up in the curriculum read model.
    await until(async () => {
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM read.course_lessons WHERE course_id = $1', [
        course.id,
      ]);
      return rows[0].n === LESSONS ? true : undefined;
    }, 'the curriculum projection');

    const students: string[] = [];
    const broken: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const student = await retried(() => new Actors(run % 2 ? two : one).register('student'));
      students.push(student.id);
      expect(
        (await unlessBusy(() => one.post('/api/enrollment/enrollments', { course_id: course.id }, student.token)))
          .status,
      ).toBe(201);
      for (const lesson of lessons.slice(0, LESSONS - 2))
        expect(
          (await unlessBusy(() => one.post(`/api/enrollment/progress/lessons/${lesson}/complete`, {}, student.token)))
            .status,
        ).toBe(201);
      const [a, b] = await Promise.all([
        unlessBusy(() =>
          one.post(`/api/enrollment/progress/lessons/${lessons[LESSONS - 2]}/complete`, {}, student.token),
        ),
        unlessBusy(() =>
          two.post(`/api/enrollment/progress/lessons/${lessons[LESSONS - 1]}/complete`, {}, student.token),
        ),
      ]);
      // Both are legitimate commands on different lessons: a conflict is the server's to retry, not the client's.
      const { rows } = await sql.query(
        `SELECT e.status, e.certificate_id,
                (SELECT count(*)::int FROM enrollment.lesson_completions c WHERE c.enrollment_id = e.id) AS done,
                (SELECT count(*)::int FROM enrollment.outbox o
                  WHERE o.aggregate_id = e.id AND o.event_type = $3) AS completed_events
           FROM enrollment.enrollments e WHERE e.student_id = $1 AND e.course_id = $2`,
        [student.id, course.id, EnrollmentEvents.CourseCompleted],
      );
      const e = rows[0];
      if (
        a.status !== 201 ||
        b.status !== 201 ||
        e.status !== 'completed' ||
        !e.certificate_id ||
        e.done !== LESSONS ||
        e.completed_events !== 1
      )
        broken.push(
          `run ${run + 1}: answers ${a.status}/${b.status}, status ${e.status}, certificate ${e.certificate_id}, ` +
            `${e.done} of ${LESSONS} lessons, ${e.completed_events} CourseCompleted events`,
        );
    }
    expect(broken, `${broken.length} of ${RUNS} runs broke the actor guarantee`).toEqual([]);

    // Downstream, once projected: one certificate in the read model and one course_completed notice per student.
    const certificates = await until(
      async () => {
        const { rows } = await sql.query(
          `SELECT student_id, certificate_id FROM read.student_courses
          WHERE course_id = $1 AND status = 'completed' AND certificate_id IS NOT NULL`,
          [course.id],
        );
        return rows.length === RUNS ? rows : undefined;
      },
      'every completion in the read model',
      60_000,
    );
    expect(new Set(certificates.map((r) => r.certificate_id)).size).toBe(RUNS);
    const notices = await until(
      async () => {
        const { rows } = await sql.query(
          `SELECT user_id, count(*)::int AS n FROM notification.notifications
          WHERE type = 'course_completed' AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
          [students],
        );
        return rows.length === RUNS ? rows : undefined;
      },
      'a course_completed notification for every student',
      60_000,
    );
    expect(notices.filter((r) => r.n !== 1)).toEqual([]);
  }, 300_000);
});
