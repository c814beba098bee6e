import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from './support/databases.js';
import { pipelineQueues } from './support/redis-prefix.js';
import { HttpClient } from './support/http-client.js';
import { Actors } from './support/actors.js';
import { freePort } from './support/free-port.js';
import { PlatformProcess, platformEnv, waitUntilReady } from './support/processes.js';
import { connectLive, eventually, record, type LiveSocket } from './support/live-client.js';
import { checkReadModels } from '../src/platform/projection/read-model-checker.js';
import { PROJECTION_CLASSES } from '../src/app/projections.module.js';
import { OUTBOX_SCHEMAS } from '../src/platform/outbox/outbox-names.js';

// Two api processes and two worker processes, started from the build, on one Postgres and one Redis.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let processes: PlatformProcess[] = [];
let apis: HttpClient[];
let sql: pg.Pool;
let socket: LiveSocket | undefined;
const prefix = `test:replicas:${process.pid}`;
let ports: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  ports = [await freePort(), await freePort()];
  const env = platformEnv(database.url, prefix);
  processes = [
    ...ports.map((port) => PlatformProcess.start('api', { ...env, PORT: String(port) })),
    PlatformProcess.start('worker', env),
    PlatformProcess.start('worker', env),
  ];
  // Four processes start at once; on a busy two-core machine that can take a while.
  await Promise.all(ports.map((port) => waitUntilReady(`http://127.0.0.1:${port}/health/ready`, 90_000)));
  apis = ports.map((port) => new HttpClient(`http://127.0.0.1:${port}`));
  sql = new pg.Pool({ connectionString: database.url, max: 4 });
  sql.on('error', () => undefined);
}, 120_000);

afterAll(async () => {
  socket?.close();
  await Promise.all(processes.map((p) => p.stop()));
  const queues = pipelineQueues(prefix);
  await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
  await sql?.end();
  await database?.drop();
});

/** Waits until every outbox is relayed and no projection job is left in any queue. */
async function quiesce(): Promise<void> {
  const queues = pipelineQueues(prefix);
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const unpublished = await Promise.all(
        OUTBOX_SCHEMAS.map(
          async (s) =>
            (await sql.query(`SELECT count(*)::int AS n FROM ${s}.outbox WHERE published_at IS NULL`)).rows[0].n,
        ),
      );
      const jobs = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      const pending =
        unpublished.reduce((a, b) => a + b, 0) +
        jobs.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`still ${pending} events pending`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

describe('two api replicas and two competing workers', () => {
  it('a client on api #1 receives events caused by commands sent to api #2', async () => {
    const [one, two] = apis;
    const teacher = await new Actors(two).verifiedTeacher();
    const course = await new Actors(two).course(teacher.token, { is_free: true });
    const module = (await two.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lesson = (
      await two.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content: '' }, teacher.token)
    ).body;
    const student = await new Actors(two).register('student');
    await quiesce();

    socket = await connectLive(one.baseUrl, student.token);
    const progress = record(socket, 'progress.updated');
    const notifications = record(socket, 'notification.created');
    await two.post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    const completed = await two.post(`/api/enrollment/progress/lessons/${lesson.id}/complete`, {}, student.token);
    await eventually(() =>
      expect(progress).toEqual([
        {
          course_id: course.id,
          lesson_id: lesson.id,
          certificate_id: completed.body.certificate_id,
          completed_lessons: 1,
          total_lessons: 1,
          percentage: 100,
          status: 'completed',
        },
      ]),
    );
    await eventually(() =>
      expect(notifications.map((n) => n.type)).toEqual(expect.arrayContaining(['enrolled', 'course_completed'])),
    );
  });

  it('with both workers competing, every read model counts every event exactly once', async () => {
    const teacherActors = new Actors(apis[0]);
    const teacher = await teacherActors.verifiedTeacher();
    const course = await teacherActors.course(teacher.token, { is_free: true });
    const module = (await apis[0].post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lessons: string[] = [];
    for (let i = 0; i < 4; i += 1)
      lessons.push(
        (await apis[1].post(`/api/course/modules/${module.id}/lessons`, { title: `L${i}`, content: '' }, teacher.token))
          .body.id,
      );
    await quiesce();

    const students = await Promise.all(
      Array.from({ length: 24 }, (_, i) => new Actors(apis[i % 2]).register('student')),
    );
    await Promise.all(
      students.map((s, i) => apis[i % 2].post('/api/enrollment/enrollments', { course_id: course.id }, s.token)),
    );
    await Promise.all(
      students.flatMap((s, i) =>
        lessons
          .slice(0, 1 + (i % 4))
          .map((lesson) => apis[(i + 1) % 2].post(`/api/enrollment/progress/lessons/${lesson}/complete`, {}, s.token)),
      ),
    );
    await quiesce();
    await Promise.all(
      students.map((s, i) =>
        apis[i % 2].post('/api/course/reviews', { course_id: course.id, rating: 1 + (i % 5), comment: '' }, s.token),
      ),
    );
    await quiesce();

    const card = (await apis[0].get(`/api/course/courses/${course.id}`)).body;
    expect(card).toMatchObject({ enrollment_count: 24, review_count: 24, rating_histogram: [5, 5, 5, 5, 4] });
    const dashboard = (await apis[1].get(`/api/course/courses/${course.id}/dashboard`, teacher.token)).body;
    expect(dashboard).toMatchObject({ enrollment_count: 24, completions: 6, review_count: 24 });
    expect(dashboard.funnel.map((f: { completed: number }) => f.completed)).toEqual([24, 18, 12, 6]);
    const projections = PROJECTION_CLASSES.map((Cls) => new Cls());
    expect(await checkReadModels(sql, projections)).toEqual([]);
  });
});
