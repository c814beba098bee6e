import { Queue, type JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import type { DomainEvent } from '../domain/domain-event.js';
import type { ProjectionJob } from '../projection/projection-runner.js';
import { DISPATCH_QUEUE, projectionQueueName } from '../projection/projection.js';
import { redisEndpoint } from './redis.js';

/** Events per job: a relay claim's worth, so a job's transaction stays short. */
const JOB_SIZE = 500;

/**
 * Failing jobs are retried with exponential backoff; events still failing on the last attempt are recorded in
 * Postgres (`read.failed_events`), so a failed job kept here for a day is only a trace. Completed jobs are
 * dropped so Redis memory stays flat under load.
 */
function jobOptions(config: AppConfig): JobsOptions {
  return {
    attempts: config.PROJECTION_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.PROJECTION_BACKOFF_MS },
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600, count: 10_000 },
  };
}

/**
 * The event pipeline's queues. One BullMQ queue per projection, so one slow or failing read model never holds up
 * the others: retries, redeliveries and the batches a busy projection could not take at once go there. The relay's
 * batches go to the dispatch queue, a job for all their consumers at once (see ProjectionRunner).
 */
export class ProjectionQueues {
  readonly byProjection: ReadonlyMap<string, Queue>;
  private readonly dispatch: Queue;
  /** Every queue, the dispatch queue's name first: for depths, drains and clean-ups. */
  readonly all: ReadonlyMap<string, Queue>;

  constructor(config: AppConfig, projectionNames: readonly string[]) {
    const connection = redisEndpoint(config);
    const queue = (name: string) =>
      new Queue(name, { connection, prefix: config.REDIS_PREFIX, defaultJobOptions: jobOptions(config) });
    this.byProjection = new Map(projectionNames.map((name) => [name, queue(projectionQueueName(name))]));
    this.dispatch = queue(DISPATCH_QUEUE);
    this.all = new Map([[DISPATCH_QUEUE, this.dispatch], ...this.byProjection]);
  }

  get(projectionName: string): Queue {
    const queue = this.byProjection.get(projectionName);
    if (!queue) throw new Error(`No queue for projection ${projectionName}`);
    return queue;
  }

  /**
   * Queues a batch for every consumer that follows one of its events, as dispatch jobs of at most JOB_SIZE
   * events, in order. `batchId` names the batch in the job ids: the same batch sent again while its jobs are
   * still queued adds nothing.
   */
  async addDispatch(events: readonly DomainEvent[], batchId: string): Promise<void> {
    await Promise.all(
      chunks(events).map((chunk, n) => this.dispatch.add('events', { events: chunk }, { jobId: `${batchId}-${n}` })),
    );
  }

  /**
   * Queues each projection's events on its own queue as jobs of at most JOB_SIZE events, in order. `batchId`
   * names the batch in the job ids: the same batch sent again while its jobs are still queued adds nothing.
   */
  async addBatches(perProjection: ReadonlyMap<string, readonly DomainEvent[]>, batchId: string): Promise<void> {
    await Promise.all(
      [...perProjection].flatMap(([projection, events]) =>
        chunks(events).map((chunk, n) =>
          this.get(projection).add('events', { events: chunk }, { jobId: `${projection}-${batchId}-${n}` }),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.all.values()].map((q) => q.close()));
  }
}

/** A batch as the events of its jobs, JOB_SIZE at most each. */
function chunks(events: readonly DomainEvent[]): ProjectionJob['events'][] {
  return Array.from({ length: Math.ceil(events.length / JOB_SIZE) }, (_, n) =>
    events.slice(n * JOB_SIZE, (n + 1) * JOB_SIZE),
  );
}
