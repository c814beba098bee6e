import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { createRedis } from '../queue/redis.js';

/** How long a rate-limit command may take before the request is answered 503 instead. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Counters of abuse limits (failed logins, registrations) in Redis, shared by every api replica. Its own client
 * neither queues commands while Redis is away nor waits long for answers, so when Redis is down a limited request
 * gets a 503 with Retry-After at once instead of hanging.
 */
@Injectable()
export class RateLimitStore implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = createRedis(config, {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
    });
  }

  /** A counter of `points` per `seconds` under `name` (keys are prefixed with REDIS_PREFIX). */
  limiter(name: string, points: number, seconds: number): RateLimiterRedis {
    return new RateLimiterRedis({
      storeClient: this.redis,
      useRedisPackage: false,
      rejectIfRedisNotReady: true,
      keyPrefix: `${this.config.REDIS_PREFIX}:limit:${name}`,
      points,
      duration: seconds,
    });
  }

  /** Runs limiter commands; Redis being unreachable or slow becomes a 503 (a spent limit is the caller's to map). */
  async run<T>(commands: () => Promise<T>): Promise<T> {
    try {
      return await commands();
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      throw new DomainError(
        'rate-limit-store-unavailable',
        'Sign-in and registration are unavailable for a moment; retry shortly',
        { retryAfterSeconds: 5 },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
