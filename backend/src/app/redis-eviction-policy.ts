import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../platform/config/config.js';
import { createRedis } from '../platform/queue/redis.js';

/**
 * BullMQ keeps queued jobs in Redis; a Redis allowed to evict keys under memory pressure silently drops
 * them (the reconciler re-enqueues from Postgres, but only after a delay). Warns at start when the
 * policy is not `noeviction`, or when it cannot be read (managed Redis services often rename CONFIG).
 */
export async function warnUnlessNoEviction(config: AppConfig, logger: LoggerService): Promise<void> {
  const redis = createRedis(config, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    if (policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}": queued jobs may be evicted under memory pressure; ` +
          'set maxmemory-policy noeviction',
        'Redis',
      );
    }
  } catch (error) {
    logger.warn(
      `could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is noeviction`,
      'Redis',
    );
  } finally {
    redis.disconnect();
  }
}
