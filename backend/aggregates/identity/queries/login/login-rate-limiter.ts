import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { DomainError, refusedFor } from '../../../../src/platform/domain/errors.js';
import { RateLimitStore } from '../../../../src/platform/http/rate-limit-store.js';
import { loginAttempts } from '../../../../src/platform/metrics/metrics.js';

const HOUR = 3600;
/** How long an address that signed in to an account stays trusted for it. */
const KNOWN_ADDRESS_SECONDS = 30 * 24 * HOUR;

/** Redis keys hold a digest of the email, not the address someone typed. */
const accountKey = (email: string) => createHash('sha256').update(email).digest('base64url');
/** One account signed in to from one address. */
const pairKeyOf = (email: string, address: string) => `${accountKey(email)}:${address}`;

const secondsUntil = (state: RateLimiterRes) => Math.max(1, Math.ceil(state.msBeforeNext / 1000));

/**
 * Failed-login throttling that an attacker cannot turn against the account's owner (policy and numbers in
 * docs/security.md):
 * - lockout per (account, address) pair: failures from one address lock out only that address for that account;
 * - per address, across accounts (credential stuffing): an address over its budget may still sign in to accounts
 *   that signed in from it before, so one bad actor behind a school's gateway does not lock out the school;
 * - per account, across addresses: past a threshold every failure doubles a wait, which holds back retries from
 *   addresses that already failed for the account, never the first attempt from an address that has not failed.
 * Only failures stay counted (a successful attempt takes its count back), so normal sign-ins are never slowed down.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perPair: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly accountBackoff: RateLimiterRedis;
  private readonly knownAddresses: RateLimiterRedis;

  constructor(
    private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const window = config.LOGIN_FAILURE_WINDOW_SECONDS;
    this.perPair = store.limiter('login-fail:pair', config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, window);
    this.perAddress = store.limiter('login-fail:address', config.LOGIN_MAX_FAILURES_PER_ADDRESS, window);
    this.perAccount = store.limiter('login-fail:account', config.LOGIN_ACCOUNT_BACKOFF_AFTER, HOUR);
    this.accountBackoff = store.limiter('login-backoff', 1, config.LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS);
    this.knownAddresses = store.limiter('login-known', 1, KNOWN_ADDRESS_SECONDS);
  }

  /**
   * Counts the attempt against its (account, address) pair before the password is checked, so concurrent guesses
   * cannot all slip in before the first failure is recorded; 429 when the attempt falls under a lockout or the
   * account's backoff, 503 when Redis cannot say. (The address counts failures only: a burst of good sign-ins
   * behind one gateway never trips it.)
   */
  async begin(email: string, address: string): Promise<void> {
    const account = accountKey(email);
    const pairKey = pairKeyOf(email, address);
    try {
      const [backoff, known, client, pair] = await this.store.run(() =>
        Promise.all([
          this.accountBackoff.get(account),
          this.knownAddresses.get(pairKey),
          this.perAddress.get(address),
          this.perPair.penalty(pairKey, 1),
        ]),
      );
      if (pair.consumedPoints > this.perPair.points) {
        throw this.refusal('rate_limited', 'Too many failed login attempts from this address', pair);
      }
      if (!known && client && client.consumedPoints >= this.perAddress.points) {
        throw this.refusal('rate_limited', 'Too many failed login attempts from this address', client);
      }
      const pairHasFailed = pair.consumedPoints > 1;
      if (!known && pairHasFailed && backoff && backoff.consumedPoints > this.accountBackoff.points) {
        // Held back, not tried: the attempt must not bring its address closer to a lockout.
        await this.store.run(() => this.perPair.reward(pairKey, 1));
        throw this.refusal(
          'rate_limited',
          'This account had many failed login attempts; wait before trying again',
          backoff,
        );
      }
    } catch (error) {
      if (!refusedFor(error, 'rate-limited')) loginAttempts.inc({ outcome: 'unavailable' });
      throw error;
    }
  }

  /** A wrong password: counts for the address and toward the account's backoff (the pair counted it in `begin`). */
  async recordFailure(email: string, address: string): Promise<void> {
    const account = accountKey(email);
    try {
      await this.store.run(async () => {
        const [failures] = await Promise.all([
          this.perAccount.penalty(account, 1),
          this.perAddress.penalty(address, 1),
        ]);
        const beyond = failures.consumedPoints - this.config.LOGIN_ACCOUNT_BACKOFF_AFTER;
        if (beyond >= 0) {
          const wait = Math.min(2 ** beyond, this.config.LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS);
          await this.accountBackoff.block(account, wait);
        }
      });
    } catch (error) {
      loginAttempts.inc({ outcome: 'unavailable' });
      throw error;
    }
  }

  /** Takes back the point `begin` counted for an attempt that was never tried (its hash was shed). */
  async withdraw(email: string, address: string): Promise<void> {
    await this.store.run(() => this.perPair.reward(pairKeyOf(email, address), 1)).catch(() => undefined);
  }

  /**
   * Clears the pair's failures and remembers the address for the account. Not recorded when Redis is away: the owner, already proven, is let in regardless.
   */
  async recordSuccess(email: string, address: string): Promise<void> {
    const pairKey = pairKeyOf(email, address);
    await this.store
      .run(() =>
        Promise.all([this.perPair.delete(pairKey), this.knownAddresses.set(pairKey, 1, KNOWN_ADDRESS_SECONDS)]),
      )
      .catch(() => undefined);
  }

  private refusal(outcome: 'rate_limited', reason: string, state: RateLimiterRes): DomainError {
    loginAttempts.inc({ outcome });
    const seconds = secondsUntil(state);
    return new DomainError('rate-limited', `${reason}; try again in ${seconds} s`, { retryAfterSeconds: seconds });
  }
}
