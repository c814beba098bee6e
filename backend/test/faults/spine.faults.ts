import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentEvents } from '../../aggregates/enrollment/enrollment.events.js';
import { faultsCluster } from './harness/postgres-cluster.js';
import { OwnRedis } from './harness/own-redis.js';
import { readModels } from './harness/convergence.js';
import {
  formatTable,
  runScenario,
  sleep,
  type Scenario,
  type ScenarioContext,
  type ScenarioResult,
} from './harness/scenario.js';

// The spine's promise, tried from outside: whatever fails, every acknowledged command reaches every read
// model, the checker agrees, no notification is missing or doubled, and the api answers 503 at worst.

let redis: OwnRedis;
const results: ScenarioResult[] = [];

beforeAll(async () => {
  await faultsCluster.start();
  redis = await OwnRedis.start();
});

afterAll(async () => {
  console.log(`\nThe spine under faults\n\n${formatTable(results)}\n`);
  await redis?.kill9();
  faultsCluster.stop();
});

async function run(scenario: Scenario): Promise<void> {
  const result = await runScenario(scenario, redis);
  results.push(result);
  expect(result.violations).toEqual([]);
}

/** Cuts the connections of one kind of client `times` times, a second apart; none found is a broken premise. */
async function terminate(ctx: ScenarioContext, applicationName: string, times = 1): Promise<void> {
  let terminated = 0;
  for (let i = 0; i < times; i += 1) {
    if (i > 0) await sleep(1_000);
    terminated += await faultsCluster.terminate(applicationName, ctx.platform.database);
  }
  ctx.note(`${terminated} '${applicationName}' connections terminated`);
  if (terminated === 0) ctx.violation(`no connection with application_name like '${applicationName}' to terminate`);
}

/** Milliseconds from a course's creation (acknowledged) to its card in the catalog read model. */
async function courseToCard(ctx: ScenarioContext): Promise<number> {
  const started = Date.now();
  const created = await ctx.platform.http.post(
    '/api/course/courses',
    { title: 'Latency probe', description: 'x', is_free: true, duration_minutes: 5, level: 'beginner' },
    ctx.teacherToken,
  );
  if (created.status !== 201) throw new Error(`probe course refused: ${created.status}`);
  ctx.load.ledger.courses.push(created.body.id);
  while (Date.now() - started < 5_000) {
    const { rowCount } = await ctx.platform.sql.query('SELECT 1 FROM read.course_cards WHERE id = $1', [
      created.body.id,
    ]);
    if (rowCount) return Date.now() - started;
    await sleep(5);
  }
  return 5_000;
}

describe('the spine keeps its promises under faults', () => {
  it('worker kill -9, then a new worker', () =>
    run({
      name: 'worker kill -9',
      async inject(ctx) {
        await ctx.platform.killWorker();
        await sleep(1_500);
        // Readiness is the api's own dependencies: a dead worker must not take every api replica out.
        const ready = await ctx.platform.apiReadyStatus();
        if (ready !== 200) ctx.violation(`api /health/ready answered ${ready} while only the worker was down`);
        await ctx.platform.startWorker();
      },
    }));

  it('Redis kill -9 and restart with >= 3,000 queued jobs', () =>
    run({
      name: 'redis kill -9 + 3k backlog',
      loadBeforeMs: 0,
      // A backlog of 3,000 jobs in about a minute, on a machine busy with other suites too.
      students: 40,
      thinkMs: 100,
      settings: {
        // Events are relayed as they come (no gathering, a ring per command), so the backlog is many small jobs.
        OUTBOX_RELAY_GATHER_MS: '0',
        // Every student of the load registers from 127.0.0.1: the abuse limit (100 an hour) would stop the load.
        REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
      },
      async prepare(ctx) {
        // A relay without consumers lets the queues fill up: Redis then holds the only copy of the backlog.
        await ctx.platform.stopWorker();
        await ctx.platform.startWorker({ WORKER_TASKS: 'relay' });
      },
      async inject(ctx) {
        const deadline = Date.now() + 120_000;
        let queued: number;
        while ((queued = await ctx.platform.queuedJobs()) < 3_000 && Date.now() < deadline) await sleep(1_000);
        ctx.note(`${queued} jobs queued when Redis was killed`);
        if (queued < 3_000)
          ctx.violation(
            `only ${queued} jobs queued after 120 s with WORKER_TASKS=relay (are projections still consuming?)`,
          );
        await ctx.redis.crashAndRestart(1_000);
        await ctx.platform.stopWorker();
        await ctx.platform.startWorker();
      },
    }));

  it('Postgres restart (pg_ctlcluster restart -m fast)', () =>
    run({
      name: 'postgres restart',
      async inject() {
        await faultsCluster.restart();
      },
    }));

  it("pg_terminate_backend of the worker's connections", () =>
    run({ name: 'terminate worker connections', inject: (ctx) => terminate(ctx, 'worker%', 3) }));

  it("Redis drops the relay's doorbell subscription (CLIENT KILL TYPE pubsub)", () =>
    run({
      name: 'drop relay doorbell',
      async inject(ctx) {
        const admin = new Redis(ctx.redis.url, { maxRetriesPerRequest: 0 });
        try {
          const killed = Number(await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub'));
          ctx.note(`${killed} subscriber connections killed`);
          if (killed === 0) ctx.violation('no subscriber connection to kill: is the relay listening for its doorbell?');
        } finally {
          admin.disconnect();
        }
      },
      async afterwards(ctx) {
        // The subscription must be back: a quiet pipeline relays on a ring in tens of ms, the 1 s poll alone
        // takes ~500 ms on average.
        const samples: number[] = [];
        for (let i = 0; i < 9; i += 1) {
          samples.push(await courseToCard(ctx));
          await sleep(137);
        }
        const median = samples.sort((a, b) => a - b)[4];
        ctx.note(`command to read model after the cut: median ${median} ms`);
        if (median > 300)
          ctx.violation(`command to read model takes ${median} ms (median) after the doorbell subscription was cut`);
      },
    }));

  it("pg_terminate_backend of the api's connections", () =>
    run({ name: 'terminate api connections', inject: (ctx) => terminate(ctx, 'api%', 3) }));

  it('poison outbox rows: a malformed payload and impossible timestamps', () => {
    const malformed = randomUUID();
    const timestamps = { infinity: randomUUID(), 'year 290000': randomUUID(), 'non-object payload': randomUUID() };
    const accepted: string[] = [];
    return run({
      name: 'poison outbox rows',
      async inject(ctx) {
        const insert = (eventId: string, payload: string, occurredAt: string) =>
          ctx.platform.sql.query(
            `INSERT INTO enrollment.outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at)
             VALUES ($1, $2, 'Enrollment', gen_random_uuid(), 1, $3::jsonb, $4::timestamptz)`,
            [eventId, EnrollmentEvents.StudentEnrolled, payload, occurredAt],
          );
        await insert(malformed, '{"enrollment": null}', new Date().toISOString());
        const rows: [keyof typeof timestamps, string, string][] = [
          ['infinity', '{"enrollment": null}', 'infinity'],
          // Postgres stores up to year 294276, JavaScript dates end in 275760: valid SQL, unreadable to the relay.
          ['year 290000', '{"enrollment": null}', '290000-01-01T00:00:00Z'],
          ['non-object payload', '[1, 2, 3]', new Date().toISOString()],
        ];
        for (const [label, payload, occurredAt] of rows) {
          try {
            await insert(timestamps[label], payload, occurredAt);
            accepted.push(label);
          } catch {
            ctx.note(`${label} refused by the schema`);
          }
        }
        if (accepted.includes('infinity')) ctx.violation("the outbox schema accepts occurred_at = 'infinity'");
        if (accepted.includes('non-object payload')) ctx.violation('the outbox schema accepts a non-object payload');
      },
      async afterwards(ctx) {
        // What the schema let in, the relay must quarantine (and say so) instead of stalling behind it.
        const deadline = Date.now() + 20_000;
        let failedFor: string[];
        let quarantined: string[];
        for (;;) {
          try {
            failedFor = (
              await ctx.platform.sql.query('SELECT projection FROM read.failed_events WHERE event_id = $1', [malformed])
            ).rows.map((r) => r.projection);
            quarantined = (
              await ctx.platform.sql.query(
                'SELECT event_id FROM enrollment.outbox WHERE event_id = ANY($1::uuid[]) AND quarantined_at IS NOT NULL',
                [accepted.map((label) => timestamps[label as keyof typeof timestamps])],
              )
            ).rows.map((r) => r.event_id);
          } catch (error) {
            ctx.violation(`failed events / quarantine not queryable: ${(error as Error).message}`);
            return;
          }
          if ((failedFor.length > 0 && quarantined.length === accepted.length) || Date.now() > deadline) break;
          await sleep(500);
        }
        if (failedFor.length === 0) ctx.violation('the malformed StudentEnrolled is not in read.failed_events');
        else ctx.note(`malformed event failed in ${failedFor.join(', ')}`);
        if (quarantined.length < accepted.length)
          ctx.violation(`${accepted.length - quarantined.length} impossible outbox rows not quarantined`);
        const listed = await readModels(ctx.platform.databaseUrl, 'failed');
        if (!listed.stdout.includes(malformed))
          ctx.violation(
            `"read-models failed" does not list the malformed event: ${(listed.stdout + listed.stderr).slice(0, 200)}`,
          );
        const health = await ctx.platform.workerHealth().catch(() => undefined);
        if (!(health?.pipeline?.failed >= 1) || !(health?.pipeline?.quarantined >= accepted.length))
          ctx.violation(`worker /health/ready does not report the poison: ${JSON.stringify(health)?.slice(0, 200)}`);
        const metrics = await ctx.platform.workerMetrics().catch(() => '');
        const quarantineMetric = /^outbox_quarantined_events\{[^}]*schema="enrollment"[^}]*\} (\d+)/m.exec(metrics);
        if (accepted.length > 0 && !(Number(quarantineMetric?.[1]) >= accepted.length))
          ctx.violation('metric outbox_quarantined_events{schema="enrollment"} does not count the quarantined rows');
        if (!/^projection_failed_events\{[^}]*\} [1-9]/m.test(metrics))
          ctx.violation('metric projection_failed_events does not count the malformed event');
      },
    });
  });
});
