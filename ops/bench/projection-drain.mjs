// Projection drain benchmark: how fast the worker turns outbox events into read models, and with what lag.
//
// Writes the specification's mix of learning events straight into the service outboxes of a scratch
// database (half of the students in one hot course, as when every Locust student opens the newest course):
// enrollments, payments, lesson completions, course completions and reviews. Then
//   1. drain: 100,000 events already committed, one worker started → events/s until every read model
//      and notification is caught up;
//   2. stream: events committed at a steady rate while the worker runs → projection lag p50/p99 (the
//      worker's own projection_lag_seconds histogram).
// `--checkout DIR` runs the worker of another checkout (built), to compare before and after a change.
// Writes bench/results/<time>-projections/report.md and report.json.
//
//   node ops/bench/projection-drain.mjs [--events 100000] [--rate 1000] [--stream-seconds 30] [--checkout .]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '1000' },
    'stream-seconds': { type: 'string', default: '30' },
    checkout: { type: 'string', default: root },
    label: { type: 'string', default: '' },
    'metrics-port': { type: 'string', default: '9481' },
  },
});
const checkout = path.resolve(values.checkout);
const totalEvents = Number(values.events);
const database = `edu_projection_bench_${process.pid}`;
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
const redisPrefix = `bench:projections:${process.pid}`;
const metricsPort = values['metrics-port'];
const LESSONS_PER_COURSE = 10;
const PROJECTIONS = [
  'user-directory',
  'course-catalog',
  'curriculum',
  'learning-progress',
  'notification-rules',
  'notification-push',
  'course-dashboard',
];
const OUTBOXES = ['identity', 'course', 'enrollment', 'payment', 'notification'];

const { Queue } = createRequire(path.join(checkout, 'backend/package.json'))('bullmq');
const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });

async function admin(statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

function runNode(script, args, env) {
  return spawn(process.execPath, [path.join(checkout, script), ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-'.padEnd(48, 'x'),
      ADMIN_PASSWORD: 'bench-admin-password',
      HOST: '127.0.0.1',
      WORKER_METRICS_PORT: metricsPort,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Migrates the scratch database with the checkout's own migrations (its CLI migrates before it runs). */
async function migrate() {
  const child = runNode('backend/dist/src/cli/read-models.js', ['check'], {});
  await new Promise((resolve) => child.on('exit', resolve));
}

/** Courses (one hot) with cards, curricula and lesson positions, as the projections expect to find them. */
async function seedCourses(courseCount) {
  const teacher = randomUUID();
  const courses = [];
  for (let c = 0; c < courseCount; c += 1) {
    const id = randomUUID();
    const lessons = Array.from({ length: LESSONS_PER_COURSE }, () => randomUUID());
    courses.push({ id, lessons, price: c % 2 === 0 ? '0.00' : '19.99' });
  }
  await sql.query(
    `INSERT INTO read.course_cards (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version)
     SELECT id, $2, 'Course ' || n, 'A course', price = 0, price, 60, 'beginner', now(), 1
       FROM unnest($1::uuid[], $3::numeric[]) WITH ORDINALITY AS c(id, price, n)`,
    [courses.map((c) => c.id), teacher, courses.map((c) => c.price)],
  );
  await sql.query('INSERT INTO read.course_counters (course_id, created_at) SELECT unnest($1::uuid[]), now()', [
    courses.map((c) => c.id),
  ]);
  await sql.query('INSERT INTO read.course_stats (course_id) SELECT unnest($1::uuid[])', [courses.map((c) => c.id)]);
  await sql.query(
    `INSERT INTO read.course_lessons (lesson_id, course_id, module_id, position, is_preview, title)
     SELECT l, c, c, p, false, 'Lesson' FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS x(l, c, p)`,
    [
      courses.flatMap((c) => c.lessons),
      courses.flatMap((c) => c.lessons.map(() => c.id)),
      courses.flatMap((c) => c.lessons.map((_, i) => i + 1)),
    ],
  );
  return courses;
}

/**
 * The events of one student taking one course: enrolled (after paying, for a paid course), every lesson
 * completed, the course completed, sometimes a review. Each carries the enrollment as of its version.
 */
function learningEvents(course, at) {
  const student = randomUUID();
  const enrollmentId = randomUUID();
  const paid = course.price !== '0.00';
  const paymentId = paid ? randomUUID() : null;
  // Every event of a batch occurs when it is committed, so lag counts from the commit.
  const time = () => at.toISOString();
  const state = (status, version, completedAt = null, certificateId = null) => ({
    enrollmentId,
    studentId: student,
    courseId: course.id,
    paymentId,
    status,
    enrolledAt: at.toISOString(),
    completedAt,
    certificateId,
    version,
  });
  const events = [];
  const add = (schema, type, aggregateType, aggregateId, version, payload) =>
    events.push({ schema, type, aggregateType, aggregateId, version, payload, occurredAt: time() });
  if (paid) {
    add('payment', 'payment.PaymentCompleted', 'Payment', paymentId, 1, {
      paymentId,
      studentId: student,
      courseId: course.id,
      amount: course.price,
      createdAt: at.toISOString(),
    });
  }
  add('enrollment', 'enrollment.StudentEnrolled', 'Enrollment', enrollmentId, 1, { enrollment: state('enrolled', 1) });
  course.lessons.forEach((lessonId, i) => {
    const done = i + 1 === course.lessons.length;
    const version = i + 2;
    const completedAt = time();
    const enrollment = done ? state('completed', version, completedAt, randomUUID()) : state('in_progress', version);
    add('enrollment', 'enrollment.LessonCompleted', 'Enrollment', enrollmentId, version, {
      enrollment,
      lessonId,
      completedAt,
      progress: {
        completedLessons: i + 1,
        totalLessons: course.lessons.length,
        percentage: ((i + 1) / course.lessons.length) * 100,
        status: enrollment.status,
      },
    });
    if (done) {
      add('enrollment', 'enrollment.CourseCompleted', 'Enrollment', enrollmentId, version, {
        certificateId: enrollment.certificateId,
        enrollment,
      });
    }
  });
  if (Math.random() < 0.25) {
    const reviewId = randomUUID();
    add('course', 'course.ReviewPosted', 'Review', reviewId, 1, {
      reviewId,
      courseId: course.id,
      studentId: student,
      rating: 1 + Math.floor(Math.random() * 5),
      createdAt: time(),
    });
  }
  return events;
}

/** Students taking courses until `count` events: half of them in the hot course (the first). */
function workload(courses, count, at) {
  const events = [];
  for (let n = 0; events.length < count; n += 1) {
    const course = n % 2 === 0 ? courses[0] : courses[1 + Math.floor(Math.random() * (courses.length - 1))];
    events.push(...learningEvents(course, at));
  }
  return events.slice(0, count);
}

async function commit(events) {
  for (const schema of OUTBOXES) {
    const rows = events.filter((e) => e.schema === schema);
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      await sql.query(
        `INSERT INTO ${schema}.outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at)
         SELECT gen_random_uuid(), t, a, id, v, p, o
           FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[], $5::jsonb[], $6::timestamptz[]) AS x(t, a, id, v, p, o)`,
        [
          chunk.map((e) => e.type),
          chunk.map((e) => e.aggregateType),
          chunk.map((e) => e.aggregateId),
          chunk.map((e) => e.version),
          chunk.map((e) => JSON.stringify(e.payload)),
          chunk.map((e) => e.occurredAt),
        ],
      );
    }
  }
}

/** Caught up: no unrelayed outbox row (notifications included) and no projection job left. */
async function caughtUp(queues) {
  const { rows } = await sql.query(
    OUTBOXES.map((s) => `SELECT count(*)::int AS n FROM ${s}.outbox WHERE published_at IS NULL`).join(' UNION ALL '),
  );
  if (rows.some((r) => r.n > 0)) return false;
  for (const queue of queues) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}

async function waitUntilCaughtUp(queues, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let quietSince;
  for (;;) {
    if (await caughtUp(queues)) {
      quietSince ??= Date.now();
      // Notifications are relayed after the feed commits: caught up only if it stays so for a moment.
      if (Date.now() - quietSince >= 500) return quietSince;
    } else {
      quietSince = undefined;
    }
    if (Date.now() > deadline) throw new Error('projections did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** p-quantile of a Prometheus histogram's buckets (linear within a bucket), summed over its series. */
function quantile(metrics, name, q) {
  const buckets = new Map();
  for (const line of metrics.split('\n')) {
    const match = line.match(new RegExp(`^${name}_bucket\\{.*le="([^"]+)".*\\} (\\S+)$`));
    if (match) buckets.set(match[1], (buckets.get(match[1]) ?? 0) + Number(match[2]));
  }
  const sorted = [...buckets].map(([le, n]) => [le === '+Inf' ? Infinity : Number(le), n]).sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return undefined;
  let previous = [0, 0];
  for (const [le, n] of sorted) {
    if (n >= q * total) {
      if (le === Infinity) return previous[0];
      return previous[0] + ((q * total - previous[1]) / (n - previous[1] || 1)) * (le - previous[0]);
    }
    previous = [le, n];
  }
  return previous[0];
}

async function cpuMs(pid) {
  const { readFileSync } = await import('node:fs');
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  await migrate();
  const courses = await seedCourses(200);
  // The dispatch queue and each projection's own (a checkout from before dispatch simply has an empty one).
  const queues = ['event-dispatch', ...PROJECTIONS.map((name) => `projection-${name}`)].map(
    (name) => new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: redisPrefix }),
  );
  const result = { checkout: values.label || checkout, events: totalEvents };
  let worker;
  try {
    // 1. Drain a backlog.
    const backlog = workload(courses, totalEvents, new Date());
    await commit(backlog);
    const started = Date.now();
    worker = runNode('backend/dist/src/main.worker.js', [], {});
    const done = await waitUntilCaughtUp(queues, 30 * 60_000);
    const seconds = (done - started) / 1000;
    result.drain = {
      seconds,
      eventsPerSecond: Math.round(totalEvents / seconds),
      workerCpuMs: await cpuMs(worker.pid),
    };
    result.drain.perProjection = perProjection(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
    console.log(`drain: ${totalEvents} events in ${seconds.toFixed(1)} s → ${result.drain.eventsPerSecond} events/s`);

    // 2. Stream at a steady rate; lag from the worker's histogram, counted from here on.
    const rate = Number(values.rate);
    const streamSeconds = Number(values['stream-seconds']);
    const before = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const streamStart = Date.now();
    for (let s = 0; s < streamSeconds * 10; s += 1) {
      await commit(workload(courses, rate / 10, new Date()));
      const next = streamStart + (s + 1) * 100;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    await waitUntilCaughtUp(queues, 10 * 60_000);
    const after = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const delta = subtractHistograms(after, before, 'projection_lag_seconds');
    result.stream = {
      rate,
      seconds: streamSeconds,
      lagP50Ms: Math.round((quantile(delta, 'projection_lag_seconds', 0.5) ?? NaN) * 1000),
      lagP99Ms: Math.round((quantile(delta, 'projection_lag_seconds', 0.99) ?? NaN) * 1000),
    };
    console.log(
      `stream: ${rate} events/s for ${streamSeconds} s → lag p50 ${result.stream.lagP50Ms} ms, p99 ${result.stream.lagP99Ms} ms`,
    );
  } finally {
    worker?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const queue of queues) await queue.obliterate({ force: true }).catch(() => undefined);
    await Promise.all(queues.map((q) => q.close()));
    await sql.end();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
  const out = path.join(root, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}-projections`);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'report.json'), JSON.stringify(result, null, 2));
  writeFileSync(
    path.join(out, 'report.md'),
    `# Projection drain: ${result.checkout}\n\n` +
      `| run | events | result |\n|---|---|---|\n` +
      `| drain (backlog committed first) | ${totalEvents} | ${result.drain.eventsPerSecond} events/s (${result.drain.seconds.toFixed(1)} s, worker CPU ${Math.round(result.drain.workerCpuMs / 1000)} s) |\n` +
      `| stream (${result.stream.rate} events/s for ${result.stream.seconds} s) | ${result.stream.rate * result.stream.seconds} | lag p50 ${result.stream.lagP50Ms} ms, p99 ${result.stream.lagP99Ms} ms |\n` +
      (result.drain.perProjection && Object.keys(result.drain.perProjection).length
        ? `\nDrain, per projection:\n\n| projection | batches | events per batch | apply + commit (mean) |\n|---|---|---|---|\n` +
          Object.entries(result.drain.perProjection)
            .map(([p, v]) => `| ${p} | ${v.batches} | ${v.eventsPerBatch} | ${v.applyMs} ms |`)
            .join('\n') +
          '\n'
        : ''),
  );
  console.log(`report: ${path.relative(root, out)}/report.md`);
}

/** Per projection: batches, mean events per batch and mean apply time (ms), from the worker's metrics. */
function perProjection(metrics) {
  const read = (name) => {
    const values = {};
    for (const line of metrics.split('\n')) {
      const match = line.match(new RegExp(`^${name}\\{projection="([^"]+)"\\} (\\S+)$`));
      if (match) values[match[1]] = Number(match[2]);
    }
    return values;
  };
  const batches = read('projection_batch_apply_seconds_count');
  const seconds = read('projection_batch_apply_seconds_sum');
  const events = read('projection_batch_size_sum');
  return Object.fromEntries(
    Object.keys(batches)
      .filter((p) => batches[p] > 0)
      .map((p) => [
        p,
        {
          batches: batches[p],
          eventsPerBatch: Math.round((events[p] / batches[p]) * 10) / 10,
          applyMs: Math.round((seconds[p] / batches[p]) * 1000 * 10) / 10,
        },
      ]),
  );
}

/** The histogram `name` in `after` minus `before`: only what happened between two scrapes. */
function subtractHistograms(after, before, name) {
  const values = new Map();
  for (const line of before.split('\n')) {
    if (line.startsWith(`${name}_bucket`))
      values.set(line.slice(0, line.lastIndexOf(' ')), Number(line.split(' ').at(-1)));
  }
  return after
    .split('\n')
    .filter((line) => line.startsWith(`${name}_bucket`))
    .map((line) => {
      const key = line.slice(0, line.lastIndexOf(' '));
      return `${key} ${Number(line.split(' ').at(-1)) - (values.get(key) ?? 0)}`;
    })
    .join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
