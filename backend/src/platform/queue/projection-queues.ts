import { Queue, type JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import type { DomainEvent } from '../domain/domain-event.js';
import type { ProjectionJob } from '../projection/projection-runner.js';
import { projectionQueueName } from '../projection/projection.js';
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

/** One BullMQ queue per projection, so one slow or failing read model never holds up the others. */
export class ProjectionQueues {
  readonly byProjection: ReadonlyMap<string, Queue>;

  constructor(config: AppConfig, projectionNames: readonly string[]) {
    const connection = redisEndpoint(config);
    this.byProjection = new Map(
      projectionNames.map((name) => [
        name,
        new Queue(projectionQueueName(name), {
          connection,
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: jobOptions(config),
        }),
      ]),
    );
  }

  get(projectionName: string): Queue {
    const queue = this.byProjection.get(projectionName);
    if (!queue) throw new Error(`No queue for projection ${projectionName}`);
    return queue;
  }

  /**
   * Queues each projection's events as jobs of at most JOB_SIZE events, in order. `batchId` names the batch in
   * the job ids: the same batch sent again while its jobs are still queued adds nothing.
   */
  async addBatches(perProjection: ReadonlyMap<string, readonly DomainEvent[]>, batchId: string): Promise<void> {
    await Promise.all(
      [...perProjection].flatMap(([projection, events]) =>
        Array.from({ length: Math.ceil(events.length / JOB_SIZE) }, (_, n) => {
          const data: ProjectionJob = { events: events.slice(n * JOB_SIZE, (n + 1) * JOB_SIZE) };
          return this.get(projection).add('events', data, { jobId: `${projection}-${batchId}-${n}` });
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.byProjection.values()].map((q) => q.close()));
  }
}
