import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestDatabase } from './support/databases.js';
import { pipelineQueues } from './support/redis-prefix.js';
import { HttpClient } from './support/http-client.js';
import { Actors } from './support/actors.js';
import { connectLive, type LiveSocket } from './support/live-client.js';
import { PlatformProcess, platformEnv, waitUntilReady } from './support/processes.js';
import { freePort } from './support/free-port.js';
import { OPS, PrometheusServer } from './support/prometheus.js';
import { alertOperands } from './support/promql.js';

interface Expression {
  where: string;
  expr: string;
}

async function dashboardExpressions(): Promise<Expression[]> {
  const dir = path.join(OPS, 'grafana', 'dashboards');
  const found: Expression[] = [];
  type Panel = { title?: string; panels?: Panel[]; targets?: { expr?: string }[] };
  const walk = (file: string, panels: Panel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? [])
        if (target.expr) found.push({ where: `${file}: ${panel.title}`, expr: target.expr });
      walk(file, panel.panels ?? []);
    }
  };
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
    walk(file, JSON.parse(await readFile(path.join(dir, file), 'utf8')).panels);
  }
  return found;
}

async function ruleExpressions(): Promise<Expression[]> {
  const dir = path.join(OPS, 'prometheus', 'rules');
  const found: Expression[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yml'))) {
    const { groups } = parse(await readFile(path.join(dir, file), 'utf8')) as {
      groups: { rules: { record?: string; alert?: string; expr: string }[] }[];
    };
    for (const rule of groups.flatMap((g) => g.rules)) {
      if (rule.record) found.push({ where: `${file}: ${rule.record}`, expr: rule.expr });
      else for (const expr of alertOperands(rule.expr)) found.push({ where: `${file}: ${rule.alert}`, expr });
    }
  }
  return found;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let processes: PlatformProcess[] = [];
let prometheus: PrometheusServer | undefined;
let socket: LiveSocket | undefined;
let api: HttpClient;
const prefix = `test:monitoring:${process.pid}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const env = platformEnv(database.url, prefix, { PORT: String(apiPort), WORKER_METRICS_PORT: String(workerPort) });
  processes = [PlatformProcess.start('api', env), PlatformProcess.start('worker', env)];
  await waitUntilReady(`http://127.0.0.1:${apiPort}/health/ready`);
  await waitUntilReady(`http://127.0.0.1:${workerPort}/health/live`);
  api = new HttpClient(`http://127.0.0.1:${apiPort}`);
  prometheus = await PrometheusServer.start({ api: [`127.0.0.1:${apiPort}`], worker: [`127.0.0.1:${workerPort}`] });
}, 60_000);

afterAll(async () => {
  socket?.close();
  await prometheus?.stop();
  await Promise.all(processes.map((p) => p.stop()));
  const queues = pipelineQueues(prefix);
  await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
  await database?.drop();
});

const STUDENTS = 4;
const PRICE = 19.5;

/** Retries a command that depends on a read model (e.g. a review needs the enrollment projected). */
async function accepted(send: () => Promise<{ status: number; body: any }>): Promise<any> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await send();
    if (result.status < 300) return result.body;
    if (Date.now() > deadline) throw new Error(`refused with ${result.status}: ${JSON.stringify(result.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A little of everything: sign-ups, a free and a paid course, learning to completion, reviews, live sockets. */
async function workload(): Promise<void> {
  const actors = new Actors(api);
  const teacher = await actors.verifiedTeacher();
  const free = await actors.course(teacher.token, { is_free: true });
  const paid = await actors.course(teacher.token, { is_free: false, price: String(PRICE) });
  const lessons: Record<string, string> = {};
  for (const course of [free, paid]) {
    const module = (await api.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    lessons[course.id] = (
      await api.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content: 'x' }, teacher.token)
    ).body.id;
  }
  socket = await connectLive(api.baseUrl, teacher.token);
  await socket.emitWithAck('course.follow', { course_id: free.id });
  await socket.emitWithAck('dashboard.subscribe', { course_id: paid.id });

  for (let i = 0; i < STUDENTS; i += 1) {
    const student = await actors.register('student');
    const course = i % 2 === 0 ? free : paid;
    const enrollment: Record<string, string> = { course_id: course.id };
    if (course === paid) {
      const payment = await api.post(
        '/api/payment/payments',
        { course_id: paid.id, amount: String(PRICE) },
        student.token,
      );
      enrollment.payment_id = payment.body.id;
    }
    expect((await api.post('/api/enrollment/enrollments', enrollment, student.token)).status).toBe(201);
    await accepted(() =>
      api.post(`/api/enrollment/progress/lessons/${lessons[course.id]}/complete`, {}, student.token),
    );
    await accepted(() =>
      api.post('/api/course/reviews', { course_id: course.id, rating: 1 + i, comment: '' }, student.token),
    );
  }
  // Client errors for the 4xx panels.
  await api.post('/api/identity/login', { email: 'nobody@example.com', password: 'wrong password' });
  await api.get('/api/course/courses/00000000-0000-4000-8000-000000000000');
}

/** Polls until `expr` has a series with a value of at least `min`. */
async function waitFor(expr: string, min: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await prometheus!.query(expr)).some((s) => Number(s.value[1]) >= min)) {
    if (Date.now() > deadline) throw new Error(`${expr} did not reach ${min}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function value(expr: string): Promise<number> {
  const [sample] = await prometheus!.query(expr);
  return sample ? Number(sample.value[1]) : Number.NaN;
}

describe('Prometheus with the repository configuration, against a running api and worker', () => {
  it('every dashboard panel and every rule expression returns a series, and the business counters moved', async () => {
    await workload();
    // Scraped after the workload, every projection done, and the rules evaluated on that data.
    await waitFor('sum(business_reviews_posted_total)', STUDENTS);
    await waitFor('sum(socketio_events_emitted_total)', 1);
    await waitFor('sum(projection_queue_jobs{state=~"waiting|active|delayed"}) == 0', 0);
    await waitFor('count(job_route:http_request_duration_seconds:p99_5m)', 1);
    await waitFor('count(projection:projection_lag_seconds:p99_5m)', 1);

    const expressions = [...(await dashboardExpressions()), ...(await ruleExpressions())];
    expect(expressions.length).toBeGreaterThan(60);

    const empty: Expression[] = [];
    for (const expression of expressions) {
      if ((await prometheus!.query(expression.expr)).length === 0) empty.push(expression);
    }
    expect(empty).toEqual([]);

    expect({
      students: await value('sum(business_registrations_total{role="student"})'),
      teachers: await value('sum(business_registrations_total{role="teacher"})'),
      payments: await value('sum(business_payments_total)'),
      revenue: await value('sum(business_revenue_total)'),
      freeEnrollments: await value('sum(business_enrollments_total{kind="free"})'),
      paidEnrollments: await value('sum(business_enrollments_total{kind="paid"})'),
      lessons: await value('sum(business_lessons_completed_total)'),
      courses: await value('sum(business_courses_completed_total)'),
      certificates: await value('sum(business_certificates_issued_total)'),
      reviews: await value('sum(business_reviews_posted_total)'),
      fourStarReviews: await value('sum(business_reviews_posted_total{rating="4"})'),
    }).toEqual({
      students: STUDENTS,
      teachers: 1,
      payments: STUDENTS / 2,
      revenue: (STUDENTS / 2) * PRICE,
      freeEnrollments: STUDENTS / 2,
      paidEnrollments: STUDENTS / 2,
      lessons: STUDENTS,
      courses: STUDENTS,
      certificates: STUDENTS,
      reviews: STUDENTS,
      fourStarReviews: 1,
    });
    expect(await value('sum(socketio_connected_clients{job="api"})')).toBe(1);
    expect(await value('sum(socketio_room_joins_total{kind="course"})')).toBe(1);
    expect(await value('sum(socketio_room_joins_total{kind="dashboard"})')).toBe(1);
  }, 120_000);
});
