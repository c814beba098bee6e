import { Queue, type JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { projectionQueueName } from '../projection/projection.js';
import { redisEndpoint } from './redis.js';

/**
 * Failing jobs are retried with exponential backoff and, once out of attempts, kept (a week, at most
 * 10,000) so they stay visible; completed jobs are dropped so Redis memory stays flat under load.
 */
export const PROJECTION_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

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
          defaultJobOptions: PROJECTION_JOB_OPTIONS,
        }),
      ]),
    );
  }

  get(projectionName: string): Queue {
    const queue = this.byProjection.get(projectionName);
    if (!queue) throw new Error(`No queue for projection ${projectionName}`);
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.byProjection.values()].map((q) => q.close()));
  }
}
