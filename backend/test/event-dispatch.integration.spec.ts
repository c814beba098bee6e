import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../src/platform/config/config.js';
import { createPool, type SqlPool } from '../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../src/platform/domain/domain-event.js';
import { projectionHandovers } from '../src/platform/metrics/metrics.js';
import type { Projection } from '../src/platform/projection/projection.js';
import { ProjectionRunner } from '../src/platform/projection/projection-runner.js';
import { ProjectionQueues } from '../src/platform/queue/projection-queues.js';
import { createTestDatabase } from './support/databases.js';
import { dropRedisPrefix } from './support/redis-prefix.js';

// The relay's batches reach every projection through one dispatch job (ProjectionRunner): real Redis queues and
// a real database, with projections of the spec's own whose handlers it controls.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let config: AppConfig;
let pool: SqlPool;
let sql: pg.Pool;

const HAPPENED = 'Spec.Happened';

beforeAll(async () => {
  database = await createTestDatabase();
  config = loadConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '8',
    REDIS_PREFIX: `test:${database.name}`,
    // One batch at a time per consumer, dispatched or on its own queue (and two dispatch jobs at once).
    WORKER_CONCURRENCY: '1',
  });
  pool = createPool(config, 'dispatch-spec');
  sql = new pg.Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => undefined); // its connections are cut when the database is dropped
});
afterAll(async () => {
  await pool.end();
  await sql.end();
  await database.drop();
  await dropRedisPrefix(config.REDIS_PREFIX);
});

function happened(): DomainEvent {
  return {
    id: randomUUID(),
    type: HAPPENED,
    aggregateType: 'Spec',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    occurredAt: new Date().toISOString(),
    payload: {},
  };
}

/** A projection that records which events its handler saw, after `until` (if given) resolves. */
function recording(name: string, until?: Promise<void>): Projection & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    tables: [],
    seen,
    handlers: new Map([
      [
        HAPPENED,
        async (event: DomainEvent) => {
          await until;
          seen.push(event.id);
        },
      ],
    ]),
  };
}

async function eventually(what: string, holds: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`not within 15 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function handovers(projection: string, reason: string): Promise<number> {
  const { values } = await projectionHandovers.get();
  return values.find((v) => v.labels.projection === projection && v.labels.reason === reason)?.value ?? 0;
}

async function appliedOnce(projection: string, events: readonly DomainEvent[]): Promise<boolean> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM read.applied_events WHERE projection = $1 AND event_id = ANY($2::uuid[])',
    [projection, events.map((e) => e.id)],
  );
  return rows[0].n === events.length;
}

/** Runs `body` with a runner over `consumers` and their queues, stopped and emptied after it. */
async function withRunner(consumers: Projection[], body: (queues: ProjectionQueues) => Promise<void>): Promise<void> {
  const queues = new ProjectionQueues(
    config,
    consumers.map((c) => c.name),
  );
  const runner = new ProjectionRunner(config, pool, consumers, queues);
  runner.start();
  try {
    await body(queues);
  } finally {
    await runner.stop({ force: true });
    await Promise.all([...queues.all.values()].map((q) => q.obliterate({ force: true })));
    await queues.close();
  }
}

describe('event dispatch', () => {
  it('applies a relayed batch for every projection that follows it, from one job', async () => {
    const first = recording(`first-${randomUUID()}`);
    const second = recording(`second-${randomUUID()}`);
    const events = [happened(), happened(), happened()];
    await withRunner([first, second], async (queues) => {
      await queues.addDispatch(events, 'one-batch');
      await eventually('both projections applied the batch', () => first.seen.length === 3 && second.seen.length === 3);
      // In outbox order, as one transaction each; their own queues were never used.
      expect(first.seen).toEqual(events.map((e) => e.id));
      expect(second.seen).toEqual(events.map((e) => e.id));
      expect(await appliedOnce(first.name, events)).toBe(true);
      for (const name of [first.name, second.name]) {
        expect(await handovers(name, 'busy')).toBe(0);
        expect(await handovers(name, 'failed')).toBe(0);
      }
    });
  });

  it('never lets a slow projection hold up the others: its later shares go to its own queue', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = recording(`slow-${randomUUID()}`, gate);
    const fast = recording(`fast-${randomUUID()}`);
    const batches = [happened(), happened(), happened()];
    await withRunner([slow, fast], async (queues) => {
      for (const [i, event] of batches.entries()) await queues.addDispatch([event], `batch-${i}`);
      // The fast projection applies all three while the slow one is stuck in its first.
      await eventually('the fast projection applied every batch', () => fast.seen.length === 3);
      expect(slow.seen).toEqual([]);
      // One dispatched batch at a time for the slow one (WORKER_CONCURRENCY 1): the other two were handed over.
      await eventually('two shares handed over', async () => (await handovers(slow.name, 'busy')) === 2);
      release();
      await eventually('the slow projection applied every batch', () => slow.seen.length === 3);
      expect([...slow.seen].sort()).toEqual(batches.map((e) => e.id).sort());
      expect(await appliedOnce(slow.name, batches)).toBe(true);
      expect(await appliedOnce(fast.name, batches)).toBe(true);
    });
  });

  it('hands a share that fails to the projection’s own queue, which retries it', async () => {
    let failures = 1;
    const flaky: Projection & { seen: string[] } = {
      ...recording(`flaky-${randomUUID()}`),
      handlers: new Map([
        [
          HAPPENED,
          (event: DomainEvent) => {
            if (failures-- > 0) throw new Error('the read model is not there yet');
            flaky.seen.push(event.id);
          },
        ],
      ]),
    };
    const steady = recording(`steady-${randomUUID()}`);
    const events = [happened()];
    await withRunner([flaky, steady], async (queues) => {
      await queues.addDispatch(events, 'flaky-batch');
      await eventually('both applied the event', () => flaky.seen.length === 1 && steady.seen.length === 1);
      expect(await handovers(flaky.name, 'failed')).toBe(1);
      expect(await appliedOnce(flaky.name, events)).toBe(true);
      expect(await appliedOnce(steady.name, events)).toBe(true);
    });
  });
});
