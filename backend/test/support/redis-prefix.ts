import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { CONSUMER_NAMES } from '../../src/app/projections.module.js';
import { pipelineQueueNames } from '../../src/platform/projection/projection.js';

/** Deletes every key under `prefix` (a spec's own queues on the shared Redis), whatever the queues are called. */
export async function dropRedisPrefix(prefix: string, url = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Every queue of the event pipeline (dispatch and each consumer's own) under a spec's `prefix`; close them after use. */
export function pipelineQueues(prefix: string, url = 'redis://127.0.0.1:6379'): Queue[] {
  const { hostname, port } = new URL(url);
  const connection = { host: hostname, port: Number(port || 6379) };
  return pipelineQueueNames(CONSUMER_NAMES).map((name) => new Queue(name, { connection, prefix }));
}
