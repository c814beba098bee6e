// Measures the delay from a command's HTTP response to the live event it causes reaching a Socket.IO client:
// students complete lessons (POST /progress/lessons/:id/complete) and wait for their `progress.updated`.
// Starts its own api and worker from the build on a scratch database; prints and writes p50/p90/p99.
//
//   node ops/bench/live-latency.mjs [--students 10] [--lessons 100] [--port 3400]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io } from 'socket.io-client';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '10' },
    lessons: { type: 'string', default: '100' },
    port: { type: 'string', default: '3400' },
  },
});
const students = Number(values.students);
const lessons = Number(values.lessons);
const base = `http://127.0.0.1:${values.port}`;
const database = 'edu_live_latency';
const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}

function start(role) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: values.port,
    HOST: '127.0.0.1',
    REDIS_PREFIX: `bench:live:${process.pid}`,
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-'.padEnd(48, 'x'),
    ADMIN_PASSWORD: 'bench-admin-password',
  };
  return spawn(process.execPath, [path.join(root, `backend/dist/src/main.${role}.js`)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function call(method, url, body, token) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function waitReady() {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('platform did not become ready');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

await recreateDatabase();
const processes = [start('api'), start('worker')];
try {
  await waitReady();
  const adminToken = (
    await call('POST', '/api/identity/login', { email: 'admin@eduplatform.com', password: 'bench-admin-password' })
  ).access_token;
  const teacher = await call('POST', '/api/identity/register', {
    email: 'teacher@bench.local',
    password: 'bench password',
    name: 'Bench Teacher',
    role: 'teacher',
  });
  const teacherId = (await call('GET', '/api/identity/me', undefined, teacher.access_token)).id;
  await call('PATCH', `/api/identity/admin/users/${teacherId}/verify`, {}, adminToken);
  const teacherToken = (await call('POST', '/api/identity/token/refresh', {}, teacher.access_token)).access_token;
  const course = await call(
    'POST',
    '/api/course/courses',
    { title: 'Latency', description: '', is_free: true, duration_minutes: 60, level: 'beginner' },
    teacherToken,
  );
  const module = await call('POST', `/api/course/courses/${course.id}/modules`, { title: 'All' }, teacherToken);
  const lessonIds = [];
  for (let i = 0; i < lessons; i += 1)
    lessonIds.push(
      (await call('POST', `/api/course/modules/${module.id}/lessons`, { title: `L${i}`, content: '' }, teacherToken))
        .id,
    );
  await new Promise((r) => setTimeout(r, 1000)); // let the curriculum read model catch up

  const latencies = [];
  await Promise.all(
    Array.from({ length: students }, async (_, s) => {
      const token = (
        await call('POST', '/api/identity/register', {
          email: `s${s}@bench.local`,
          password: 'bench password',
          name: `S${s}`,
        })
      ).access_token;
      await call('POST', '/api/enrollment/enrollments', { course_id: course.id }, token);
      const socket = io(base, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true });
      await new Promise((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
      const arrivals = new Map();
      socket.on('progress.updated', (p) => arrivals.set(p.completed_lessons, performance.now()));
      for (const [i, lessonId] of lessonIds.entries()) {
        await call('POST', `/api/enrollment/progress/lessons/${lessonId}/complete`, {}, token);
        const responded = performance.now();
        while (!arrivals.has(i + 1)) await new Promise((r) => setTimeout(r, 1));
        // An event may even beat the response; it then counts as zero delay.
        latencies.push(Math.max(0, arrivals.get(i + 1) - responded));
      }
      socket.close();
    }),
  );
  latencies.sort((a, b) => a - b);
  const result = {
    commands: latencies.length,
    students,
    p50_ms: +percentile(latencies, 50).toFixed(1),
    p90_ms: +percentile(latencies, 90).toFixed(1),
    p99_ms: +percentile(latencies, 99).toFixed(1),
    max_ms: +latencies.at(-1).toFixed(1),
    measured_at: new Date().toISOString(),
  };
  const out = path.join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'live-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    path.join(out, 'live-latency.md'),
    `# Command response → live event\n\n${students} students × ${lessons} CompleteLesson commands, each student waiting for its own ` +
      `\`progress.updated\` before the next command; one api and one worker process (production mode) on this machine.\n\n` +
      `| commands | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n| ${result.commands} | ${result.p50_ms} ms | ${result.p90_ms} ms | ${result.p99_ms} ms | ${result.max_ms} ms |\n`,
  );
  console.log(JSON.stringify(result));
} finally {
  processes.forEach((p) => p.kill('SIGTERM'));
  await new Promise((r) => setTimeout(r, 1000));
  await recreateDatabase();
}
