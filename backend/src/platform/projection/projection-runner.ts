import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import pg from 'pg';
import type { AppConfig } from '../config/config.js';
import { isConnectionError, isTransientConflict } from '../database/connection-errors.js';
import { inTransaction, type SqlPool } from '../database/pg-pool.js';
import type { DomainEvent } from '../domain/domain-event.js';
import {
  projectionBatchApply,
  projectionBatchSize,
  projectionFailures,
  projectionHandovers,
  projectionLag,
} from '../metrics/metrics.js';
import { OUTBOX_SCHEMAS } from '../outbox/outbox-names.js';
import { upcast } from '../outbox/outbox-schemas.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { redisEndpoint } from '../queue/redis.js';
import { claimStatement } from './applied-events.js';
import { ProjectionBatch } from './projection-batch.js';
import { isPolicy, type EventConsumer } from '../policy/policy.js';
import { DISPATCH_QUEUE, handledTypes, projectionQueueName, type Projection } from './projection.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** As `upcast`; an event that cannot be converted is left as it is, to fail (and be recorded) like any other. */
function upcastQueued(event: DomainEvent): DomainEvent {
  try {
    return upcast(event);
  } catch {
    return event;
  }
}

/** What a projection or dispatch job carries: events of one service outbox, in outbox order. */
export interface ProjectionJob {
  events: DomainEvent[];
}

const CONFLICT_RETRIES = 5;

/**
 * Applies a batch of events to one projection in one transaction: records the new ones in
 * `read.applied_events`, lets each handler record its row changes, and writes the folded changes. Two round
 * trips whatever the batch size: the claim goes with BEGIN, the writes with COMMIT. Read models can always be
 * rebuilt, so their commits skip the WAL flush wait (`synchronous_commit = off`): a crash can lose at most
 * the last moments of projection work, claims included, which the reconciler then sends again.
 * Returns the events applied now (not those applied before).
 */
export async function applyBatch(
  pool: SqlPool,
  projection: Projection,
  events: readonly DomainEvent[],
): Promise<DomainEvent[]> {
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const sql = await pool.connect();
  let applied: DomainEvent[];
  try {
    const results = (await sql.query(
      `BEGIN; SET LOCAL synchronous_commit = off; ${claimStatement(
        projection.name,
        unique.map((e) => e.id),
      )}`,
    )) as unknown as pg.QueryResult<{ event_id: string }>[];
    const claimed = new Set(results[2].rows.map((r) => r.event_id));
    applied = unique.filter((e) => claimed.has(e.id));
    const batch = new ProjectionBatch(sql);
    if (applied.length > 0) await projection.prepare?.(applied, batch);
    for (const event of applied) await projection.handlers.get(event.type)?.(event, batch);
    await sql.query([...batch.statements(), 'COMMIT'].join(';\n'));
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    sql.release();
  }
  return applied;
}

/** `apply`, run again on a deadlock or serialization failure (the transaction changed nothing). */
async function retryingConflicts(apply: () => Promise<DomainEvent[]>): Promise<DomainEvent[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await apply();
    } catch (error) {
      if (!isTransientConflict(error) || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Rebuilds a read model from the write side in one transaction: the read model is recomputed and every
 * event already committed to an outbox is marked applied, so queued copies of those events change nothing.
 */
export async function rebuildProjection(pool: SqlPool, projection: Projection): Promise<void> {
  if (!projection.rebuild) throw new Error(`${projection.name} has no rebuild: its records are not derived state`);
  const rebuild = projection.rebuild.bind(projection);
  await inTransaction(pool, async (sql) => {
    await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await rebuild(sql);
    await sql.query('DELETE FROM read.failed_events WHERE projection = $1', [projection.name]);
    for (const schema of OUTBOX_SCHEMAS) {
      await sql.query(
        `INSERT INTO read.applied_events (projection, event_id)
         SELECT $1, event_id FROM ${schema}.outbox WHERE event_type = ANY($2::text[])
         ON CONFLICT DO NOTHING`,
        [projection.name, handledTypes(projection)],
      );
    }
  });
}

/**
 * Consumes the dispatch queue and the queue of every projection and policy, a batch of events per job.
 *
 * A dispatch job (a batch as the relay claimed it) is applied by each consumer that follows any of its events,
 * side by side: one job instead of one per consumer, since a BullMQ job's Redis round trips cost more than
 * applying a small batch. A consumer already applying `WORKER_CONCURRENCY` dispatched batches (slow, or
 * waiting on locks) gets its share on its own queue instead, so it never holds the dispatch slots the others
 * need; so does a share that failed, for its own queue's retries. The dispatch job ends when every share is
 * applied or handed over; if a hand-over fails (Redis is down) the job is retried, and shares already applied
 * change nothing again.
 *
 * On a consumer's own queue, a batch that fails for a reason other than the database being unreachable is
 * split: its events are applied one by one, so one event that cannot be applied never holds the others back.
 * That event is retried with the job (BullMQ backoff) and, on the last attempt, recorded in
 * `read.failed_events` with the reason, where the reconciler leaves it alone and an operator can replay it.
 * While the database is unreachable the whole job is retried.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly workers: Worker[] = [];
  /** Dispatched batches each consumer is applying now. */
  private readonly dispatched = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly pool: SqlPool,
    private readonly consumers: readonly EventConsumer[],
    private readonly queues: ProjectionQueues,
  ) {}

  start(): void {
    for (const consumer of this.consumers) {
      for (const histogram of [projectionBatchSize, projectionBatchApply, projectionLag]) {
        histogram.zero({ projection: consumer.name });
      }
      for (const reason of ['busy', 'failed']) projectionHandovers.inc({ projection: consumer.name, reason }, 0);
      this.consumeQueue(projectionQueueName(consumer.name), consumer.name, this.config.WORKER_CONCURRENCY, (job) =>
        this.process(consumer, job),
      );
    }
    this.consumeQueue(DISPATCH_QUEUE, DISPATCH_QUEUE, this.config.WORKER_CONCURRENCY * 2, (job) => this.dispatch(job));
  }

  /**
   * Stops consuming. Jobs in flight finish first, unless `force`: then they are abandoned, and come back as
   * stalled jobs or through the reconciler (their events are not applied, so nothing is lost).
   */
  async stop({ force = false } = {}): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close(force)));
  }

  /** A BullMQ worker on one queue; its failures are counted and logged under `name`. */
  private consumeQueue(
    queueName: string,
    name: string,
    concurrency: number,
    process: (job: Job<ProjectionJob>) => Promise<void>,
  ): void {
    const worker = new Worker(queueName, process, {
      connection: redisEndpoint(this.config),
      prefix: this.config.REDIS_PREFIX,
      concurrency,
    });
    worker.on('failed', (job, error) => {
      projectionFailures.inc({ projection: name });
      this.logger.warn(`${name} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
    });
    worker.on('error', (error) => this.logger.error(`${name} worker error: ${error.message}`));
    this.workers.push(worker);
  }

  private async dispatch(job: Job<ProjectionJob>): Promise<void> {
    const events = job.data.events.map(upcastQueued);
    const handOver = new Map<string, DomainEvent[]>();
    await Promise.all(
      this.consumers.map(async (consumer) => {
        const share = events.filter((event) => consumer.handlers.has(event.type));
        if (share.length === 0) return;
        // As many batches at once as on its own queue; dispatch runs twice that many jobs, so a slow consumer
        // never takes more than half the dispatch slots.
        const applying = this.dispatched.get(consumer.name) ?? 0;
        if (applying >= this.config.WORKER_CONCURRENCY) {
          projectionHandovers.inc({ projection: consumer.name, reason: 'busy' });
          handOver.set(consumer.name, share);
          return;
        }
        this.dispatched.set(consumer.name, applying + 1);
        try {
          await this.consume(consumer, share);
        } catch (error) {
          this.logger.warn(
            `${consumer.name} could not apply dispatch job ${job.id} (${messageOf(error)}); queued on its own`,
          );
          projectionHandovers.inc({ projection: consumer.name, reason: 'failed' });
          handOver.set(consumer.name, share);
        } finally {
          this.dispatched.set(consumer.name, (this.dispatched.get(consumer.name) ?? 1) - 1);
        }
      }),
    );
    if (handOver.size > 0) await this.queues.addBatches(handOver, `dispatch-${job.id}`);
  }

  private async process(consumer: EventConsumer, job: Job<ProjectionJob>): Promise<void> {
    // Jobs queued by a worker of an earlier release carry payloads in the shape of their day.
    const events = job.data.events.map(upcastQueued);
    try {
      await this.consume(consumer, events);
      return;
    } catch (error) {
      if (isConnectionError(error)) throw error;
    }
    // Something in the batch cannot be applied: one event at a time, so the others are not held back by it.
    const failed: { event: DomainEvent; error: unknown }[] = [];
    for (const event of events) {
      try {
        await this.consume(consumer, [event]);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        failed.push({ event, error });
      }
    }
    if (failed.length === 0) return;
    const reason = `${failed.length} of ${events.length} events could not be applied: ${messageOf(failed[0].error)}`;
    const attempts = job.attemptsMade + 1;
    if (attempts < (job.opts.attempts ?? 1)) throw new Error(reason);
    await this.recordFailed(consumer, failed, attempts);
  }

  /** The job's last attempt: the events are recorded as failed for this consumer, with the reason. */
  private async recordFailed(
    consumer: EventConsumer,
    failed: readonly { event: DomainEvent; error: unknown }[],
    attempts: number,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO read.failed_events (projection, event_id, event_type, error, attempts)
       SELECT $1, id, type, error, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS e(id, type, error)
       ON CONFLICT (projection, event_id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts,
         failed_at = now()`,
      [
        consumer.name,
        failed.map((f) => f.event.id),
        failed.map((f) => f.event.type),
        failed.map((f) => messageOf(f.error).slice(0, 2_000)),
        attempts,
      ],
    );
    this.logger.error(
      `${consumer.name} gave up on ${failed.length} events after ${attempts} attempts: ${messageOf(failed[0].error)}`,
    );
  }

  /** Applies a batch — a projection in a read-side transaction, a policy as one command — and observes it. */
  private async consume(consumer: EventConsumer, events: readonly DomainEvent[]): Promise<void> {
    const started = process.hrtime.bigint();
    const applied = await retryingConflicts(() =>
      isPolicy(consumer) ? consumer.apply(events) : applyBatch(this.pool, consumer, events),
    );
    projectionBatchSize.observe({ projection: consumer.name }, applied.length);
    projectionBatchApply.observe({ projection: consumer.name }, Number(process.hrtime.bigint() - started) / 1e9);
    const now = Date.now();
    for (const event of applied) {
      projectionLag.observe({ projection: consumer.name }, (now - Date.parse(event.occurredAt)) / 1000);
    }
    if (!isPolicy(consumer)) await this.afterCommit(consumer, applied);
  }

  private async afterCommit(projection: Projection, applied: DomainEvent[]): Promise<void> {
    if (applied.length === 0 || !projection.afterCommit) return;
    try {
      await projection.afterCommit(applied);
    } catch (error) {
      this.logger.warn(`${projection.name} after-commit push failed: ${(error as Error).message}`);
    }
  }
}

/** event type → projections and policies following it; refuses two of them with one name. */
export function routeEvents(consumers: readonly EventConsumer[]): Map<string, string[]> {
  const names = new Set<string>();
  const routes = new Map<string, string[]>();
  for (const consumer of consumers) {
    if (names.has(consumer.name)) throw new Error(`Two projections or policies are named ${consumer.name}`);
    names.add(consumer.name);
    for (const type of handledTypes(consumer)) routes.set(type, [...(routes.get(type) ?? []), consumer.name]);
  }
  return routes;
}
