import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { TooManyRequestsError } from '../../../../src/platform/domain/errors.js';
import { REDIS } from '../../../../src/platform/platform.module.js';

/**
 * Counts failed logins per account and per client address in Redis (shared by every api replica).
 * Only failures count, so students logging in normally are never slowed down.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const common = { storeClient: redis, duration: config.LOGIN_FAILURE_WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail:account`,
      points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    });
    this.perAddress = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail:address`,
      points: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    });
  }

  /** 429 when either the account or the address has used up its failures. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const blocked = [
      [account, this.perAccount.points],
      [client, this.perAddress.points],
    ].find(([state, points]) => state && (state as RateLimiterRes).consumedPoints >= (points as number)) as
      [RateLimiterRes, number] | undefined;
    if (blocked) {
      const seconds = Math.max(1, Math.ceil(blocked[0].msBeforeNext / 1000));
      throw new TooManyRequestsError(`Too many failed login attempts; try again in ${seconds} s`, seconds);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
