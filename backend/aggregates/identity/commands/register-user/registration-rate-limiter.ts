import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { RateLimitStore } from '../../../../src/platform/http/rate-limit-store.js';

/** Registrations per client address per hour, so one client cannot mass-create accounts. */
@Injectable()
export class RegistrationRateLimiter {
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perAddress = store.limiter('register:address', config.REGISTRATIONS_PER_ADDRESS_PER_HOUR, 3600);
  }

  /** Counts this registration attempt; 429 with Retry-After past the limit, 503 when Redis cannot say. */
  async consume(address: string): Promise<void> {
    try {
      await this.store.run(() => this.perAddress.consume(address));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError('rate-limited', `Too many registrations from this address; try again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  /** Takes back the count of an attempt that was never tried (its password hash was shed). */
  async withdraw(address: string): Promise<void> {
    await this.store.run(() => this.perAddress.reward(address, 1)).catch(() => undefined);
  }
}
