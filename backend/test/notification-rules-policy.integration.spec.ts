import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { AggregateActors } from '../src/platform/actors/aggregate-actors.js';
import { loadConfig, type AppConfig } from '../src/platform/config/config.js';
import { ProjectionRunner } from '../src/platform/projection/projection-runner.js';
import { ProjectionQueues } from '../src/platform/queue/projection-queues.js';
import { createOrm } from '../src/platform/database/orm.js';
import { createPool } from '../src/platform/database/pg-pool.js';
import { systemClock } from '../src/platform/domain/clock.js';
import { ENTITIES } from '../src/app/entities.js';
import type { DomainEvent } from '../src/platform/domain/domain-event.js';
import type { AnyEvent, EventMap, EventType } from '../aggregates/event-catalogue.js';
import { IdentityEvents } from '../aggregates/identity/user.events.js';
import { ReviewEvents } from '../aggregates/review/review.events.js';
import { EnrollmentEvents } from '../aggregates/enrollment/enrollment.events.js';
import { NotificationEvents } from '../aggregates/notification/notification.events.js';
import { NotificationRulesPolicy } from '../aggregates/notification/notification-rules.runner.js';
import { createTestDatabase } from './support/databases.js';
import { dropRedisPrefix } from './support/redis-prefix.js';

// Two ORMs with their own pools and actor runners stand for two worker processes handling the same events.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orms: MikroORM[];
let workers: NotificationRulesPolicy[];
let sql: pg.Pool;
let pools: pg.Pool[];
let config: AppConfig;

beforeAll(async () => {
  database = await createTestDatabase();
  config = loadConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_PREFIX: `test:${database.name}`,
    PROJECTION_ATTEMPTS: '2',
    PROJECTION_BACKOFF_MS: '10',
  });
  orms = await Promise.all([createOrm(config, ENTITIES), createOrm(config, ENTITIES)]);
  sql = new pg.Pool({ connectionString: database.url, max: 4 });
  sql.on('error', () => undefined); // its connections are cut when the database is dropped
  // Each worker writes through a pool of its own, as two processes would.
  pools = orms.map(() => createPool(config, 'policy-spec'));
  workers = orms.map((orm, i) => new NotificationRulesPolicy(new AggregateActors(orm, pools[i], systemClock), sql));
});
afterAll(async () => {
  await Promise.all([...orms.map((orm) => orm.close()), ...pools.map((pool) => pool.end())]);
  await sql.end();
  await database.drop();
  await dropRedisPrefix(config.REDIS_PREFIX);
});

const occurredAt = '2026-03-01T10:00:00.000Z';

function event<K extends EventType>(type: K, aggregateId: string, payload: EventMap[K]): DomainEvent<K, EventMap[K]> {
  return { id: randomUUID(), type, aggregateType: 'Any', aggregateId, aggregateVersion: 1, occurredAt, payload };
}

function registered(name: string): AnyEvent {
  const userId = randomUUID();
  return event(IdentityEvents.UserRegistered, userId, {
    userId,
    email: `${name}@example.com`,
    name,
    role: 'student',
    isVerified: true,
    createdAt: occurredAt,
  });
}

async function courseWithTeacher(): Promise<{ courseId: string; teacherId: string }> {
  const courseId = randomUUID();
  const teacherId = randomUUID();
  await sql.query(
    `INSERT INTO read.course_cards (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version)
     VALUES ($1, $2, 'Python', '', true, 0, 60, 'beginner', now(), 1)`,
    [courseId, teacherId],
  );
  return { courseId, teacherId };
}

function reviewPosted(courseId: string): AnyEvent {
  const reviewId = randomUUID();
  return event(ReviewEvents.ReviewPosted, reviewId, {
    reviewId,
    courseId,
    studentId: randomUUID(),
    rating: 5,
    comment: '',
    createdAt: occurredAt,
  });
}

async function notificationsOf(events: readonly AnyEvent[]) {
  const recipients = events.map((e) => (e.type === IdentityEvents.UserRegistered ? e.payload.userId : undefined));
  const { rows } = await sql.query(
    `SELECT n.id, n.user_id, n.type, n.version, n.xmin::text AS tx, o.aggregate_version AS outbox_version
       FROM notification.notifications n
       LEFT JOIN notification.outbox o ON o.aggregate_id = n.id AND o.event_type = $2
      WHERE n.user_id = ANY($1::uuid[]) ORDER BY n.id`,
    [recipients.filter((r) => r !== undefined), NotificationEvents.NotificationCreated],
  );
  return rows;
}

describe('the notification rules policy', () => {
  it('sends the notices of a batch as one command statement, each a new aggregate with its NotificationCreated', async () => {
    const events = Array.from({ length: 30 }, (_, i) => registered(`student${i}`));
    expect(await workers[0].apply(events)).toEqual(events);
    const rows = await notificationsOf(events);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    expect(rows.every((r) => r.type === 'welcome' && r.version === 1 && r.outbox_version === 1)).toBe(true);
  });

  it('sends nothing twice for a redelivered batch, nor for one delivered to two workers at once', async () => {
    const events = Array.from({ length: 20 }, (_, i) => registered(`twice${i}`));
    const [first, second] = await Promise.all([workers[0].apply(events), workers[1].apply(events)]);
    expect(first.length + second.length).toBe(20);
    expect(await workers[0].apply(events)).toEqual([]);
    expect(await notificationsOf(events)).toHaveLength(20);
  });

  it('skips notices that exist when the claim was lost, without a duplicate key', async () => {
    const events = [registered('lost')];
    await workers[0].apply(events);
    await sql.query('DELETE FROM read.applied_events WHERE event_id = $1', [events[0].id]);
    expect(await workers[1].apply(events)).toEqual(events);
    const rows = await notificationsOf(events);
    expect(rows).toHaveLength(1);
    const outbox = await sql.query('SELECT count(*)::int AS n FROM notification.outbox WHERE aggregate_id = $1', [
      rows[0].id,
    ]);
    expect(outbox.rows[0].n).toBe(1);
  });

  it("tells a course's teacher of a review, from the catalog's facts", async () => {
    const { courseId, teacherId } = await courseWithTeacher();
    await workers[0].apply([reviewPosted(courseId), reviewPosted(randomUUID())]);
    const { rows } = await sql.query(
      `SELECT user_id, title FROM notification.notifications WHERE type = 'review_posted' ORDER BY user_id`,
    );
    expect(rows).toEqual([{ user_id: teacherId, title: 'New review of "Python"' }]);
  });

  // The relay's batches come through the dispatch queue; a batch that fails there goes on to the policy's own queue.
  it.each(['own', 'dispatch'] as const)(
    'is fed by the runner like a projection (%s queue): a poison event is recorded as failed, the rest of its batch is sent',
    async (queue) => {
      const good = registered(`beside-poison-${queue}`);
      // A payload no rule can read (the fault suite's malformed StudentEnrolled).
      const poison = event(EnrollmentEvents.StudentEnrolled, randomUUID(), { enrollment: null! });
      const queues = new ProjectionQueues(config, [workers[0].name]);
      const runner = new ProjectionRunner(config, sql, [workers[0]], queues);
      runner.start();
      try {
        if (queue === 'own') await queues.addBatches(new Map([[workers[0].name, [good, poison]]]), 'poison');
        else await queues.addDispatch([good, poison], 'poison');
        const deadline = Date.now() + 20_000;
        let failed: { projection: string; event_id: string }[] = [];
        while (failed.length === 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          failed = (await sql.query('SELECT projection, event_id FROM read.failed_events')).rows;
        }
        expect(failed).toEqual([{ projection: 'notification-rules', event_id: poison.id }]);
        expect(await notificationsOf([good])).toHaveLength(1);
      } finally {
        await runner.stop({ force: true });
        await sql.query('DELETE FROM read.failed_events');
        await Promise.all([...queues.all.values()].map((q) => q.obliterate({ force: true })));
        await queues.close();
      }
    },
  );
});
