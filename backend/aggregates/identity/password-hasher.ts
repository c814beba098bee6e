import { availableParallelism } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { APP_CONFIG, type AppConfig } from '../../src/platform/config/config.js';
import { DomainError } from '../../src/platform/domain/errors.js';

/** argon2id at OWASP's minimum recommendation: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2ID = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** One argon2id hash, unmetered (seeding, bootstrap); requests go through PasswordHasher. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/**
 * Admission control for argon2: each hash costs tens of milliseconds of CPU on libuv's thread pool, so a
 * login storm beyond the machine's capacity would queue every hash for seconds and starve everything else
 * on the same cores. A request that will hash is admitted on arrival only while the wait it would face —
 * requests admitted before it, per core, times the recent time of one hash — stays under `maxWaitMs`;
 * beyond that it gets 503 with Retry-After at once, and catalog reads and commands keep their latency.
 */
class HashAdmission {
  private admitted = 0;
  private hashing = 0;
  /** Moving average of one hash's own time (measured only when it did not queue behind others). */
  private hashMs = 40;
  private readonly lanes = Math.max(1, Math.min(availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE ?? 4)));

  constructor(private readonly maxWaitMs: number) {}

  /** Admits one request or refuses it; the returned function ends its admission. */
  admit(): () => void {
    if ((this.admitted / this.lanes) * this.hashMs > this.maxWaitMs) {
      // Refused before hashing: more sign-ins wait than the machine can hash within the allowed wait.
      throw new DomainError('sign-in-busy', 'Too many sign-ins at this moment; retry shortly', {
        retryAfterSeconds: Math.ceil(this.maxWaitMs / 1000),
      });
    }
    this.admitted += 1;
    let ended = false;
    return () => {
      if (!ended) this.admitted -= 1;
      ended = true;
    };
  }

  async timed<T>(work: () => Promise<T>): Promise<T> {
    const unqueued = this.hashing < this.lanes;
    this.hashing += 1;
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.hashing -= 1;
      if (unqueued) this.hashMs = 0.8 * this.hashMs + 0.2 * (performance.now() - started);
    }
  }
}

/** Checks a password against a stored hash (or, for an unknown account, against a decoy). */
export type PasswordCheck = (passwordHash: string | undefined, password: string) => Promise<boolean>;

/** Hashes and checks passwords for requests, through one admission gate per process. */
@Injectable()
export class PasswordHasher {
  private readonly admission: HashAdmission;
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.admission = new HashAdmission(config.PASSWORD_HASH_MAX_WAIT_MS);
  }

  async hash(password: string): Promise<string> {
    const done = this.admission.admit();
    try {
      return await this.admission.timed(() => hashPassword(password));
    } finally {
      done();
    }
  }

  /**
   * Runs a sign-in that will check a password, admitted on arrival (before its other work, so a refusal
   * costs nothing); refuses with 'sign-in-busy' when it would wait too long.
   */
  async signIn<T>(work: (check: PasswordCheck) => Promise<T>): Promise<T> {
    const done = this.admission.admit();
    try {
      return await work((passwordHash, password) => this.matches(passwordHash, password));
    } finally {
      done();
    }
  }

  private async matches(passwordHash: string | undefined, password: string): Promise<boolean> {
    this.decoyHash ??= hashPassword('decoy-password-for-unknown-accounts');
    const against = passwordHash ?? (await this.decoyHash);
    return this.admission.timed(async () => {
      try {
        return (await verify(against, password)) && passwordHash !== undefined;
      } catch {
        return false; // a malformed stored hash never authenticates
      }
    });
  }
}
