import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import pg from 'pg';
import { createTestDatabase } from './support/databases.js';
import { pipelineQueues } from './support/redis-prefix.js';
import { HttpClient } from './support/http-client.js';
import { Actors } from './support/actors.js';
import { connectLive, type LiveSocket } from './support/live-client.js';
import { PlatformProcess, platformEnv, waitUntilReady } from './support/processes.js';
import { freePort } from './support/free-port.js';
import { OUTBOX_SCHEMAS } from '../src/platform/outbox/outbox-names.js';

const readModelsCli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/src/cli/read-models.js');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const processes: PlatformProcess[] = [];
let sql: pg.Pool;
let socket: LiveSocket | undefined;
let env: Record<string, string>;
const prefix = `test:shutdown:${process.pid}`;

function queues(): Queue[] {
  return pipelineQueues(prefix);
}

beforeAll(async () => {
  database = await createTestDatabase();
  env = platformEnv(database.url, prefix);
  sql = new pg.Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => undefined);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await Promise.all(processes.map((p) => p.stop()));
  await Promise.all(queues().map(async (q) => (await q.obliterate({ force: true }), await q.close())));
  await sql?.end();
  await database?.drop();
});

/** Waits until every outbox is relayed and every projection queue is empty. */
async function quiesce(): Promise<void> {
  const open = queues();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      let pending = 0;
      for (const schema of OUTBOX_SCHEMAS)
        pending += (await sql.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`))
          .rows[0].n;
      for (const q of open)
        pending += Object.values(await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).reduce(
          (a, b) => a + b,
          0,
        );
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`still ${pending} events pending`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await Promise.all(open.map((q) => q.close()));
  }
}

describe('SIGTERM in the middle of a burst of commands', () => {
  it('loses no accepted command, projects every event, and both processes exit by themselves within 10 s', async () => {
    const port = await freePort();
    const api = PlatformProcess.start('api', { ...env, PORT: String(port) });
    const worker = PlatformProcess.start('worker', env);
    processes.push(api, worker);
    await waitUntilReady(`http://127.0.0.1:${port}/health/ready`);
    const http = new HttpClient(`http://127.0.0.1:${port}`);
    const actors = new Actors(http);

    const teacher = await actors.verifiedTeacher();
    const course = await actors.course(teacher.token, { is_free: true });
    const module = (await http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lesson = (
      await http.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content: 'x' }, teacher.token)
    ).body;
    await quiesce();
    // An open websocket must not hold the HTTP server open.
    socket = await connectLive(http.baseUrl, teacher.token);

    // Each student registers, enrolls and completes the lesson, in parallel, until the api stops answering.
    const accepted = { users: [] as string[], enrollments: [] as string[], completions: [] as string[] };
    let stopping = false;
    const student = async (): Promise<void> => {
      const email = `burst-${Math.random().toString(36).slice(2)}@example.com`;
      const registered = await http.post('/api/identity/register', {
        email,
        password: 'correct horse battery',
        name: 'Burst',
        role: 'student',
      });
      if (registered.status !== 200) return;
      accepted.users.push(email);
      const token = registered.body.access_token;
      const enrolled = await http.post('/api/enrollment/enrollments', { course_id: course.id }, token);
      if (enrolled.status !== 201) return;
      accepted.enrollments.push(enrolled.body.id);
      const completed = await http.post(`/api/enrollment/progress/lessons/${lesson.id}/complete`, {}, token);
      if (completed.status < 300) accepted.completions.push(enrolled.body.id);
    };
    const lanes = Array.from({ length: 12 }, async () => {
      while (!stopping) await student().catch(() => (stopping = true));
    });

    while (accepted.completions.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    const [apiExit, workerExit] = await Promise.all([api.terminate(15_000), worker.terminate(15_000)]);
    stopping = true;
    await Promise.all(lanes);

    for (const exit of [apiExit, workerExit]) {
      expect({ code: exit.code, signal: exit.signal }, api.log + worker.log).toEqual({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
    }
    expect(api.log + worker.log).not.toMatch(/still draining/);

    const committed = async (query: string, values: string[]) =>
      (await sql.query(query, [values])).rows.map((r) => r.id as string).sort();
    expect(await committed('SELECT email AS id FROM identity.users WHERE email = ANY($1)', accepted.users)).toEqual(
      [...accepted.users].sort(),
    );
    expect(
      await committed('SELECT id FROM enrollment.enrollments WHERE id = ANY($1::uuid[])', accepted.enrollments),
    ).toEqual([...accepted.enrollments].sort());
    expect(
      await committed(
        'SELECT DISTINCT enrollment_id AS id FROM enrollment.lesson_completions WHERE enrollment_id = ANY($1::uuid[])',
        accepted.completions,
      ),
    ).toEqual([...accepted.completions].sort());

    // A new worker picks up whatever the stopped one left; then every read model matches the write side.
    processes.push(PlatformProcess.start('worker', env));
    await quiesce();
    const check = await promisify(execFile)(process.execPath, [readModelsCli, 'check'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    });
    expect(check.stdout.trim().split('\n').at(-1)).toBe('0 differences');
  }, 120_000);
});
