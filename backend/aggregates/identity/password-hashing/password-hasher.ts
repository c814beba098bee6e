import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { Piscina } from 'piscina';
import { APP_CONFIG, type AppConfig } from '../../../src/platform/config/config.js';
import { DomainError } from '../../../src/platform/domain/errors.js';
import { ARGON2ID, type HashTask, type Timed } from './argon2.worker.js';
import type * as Argon2Worker from './argon2.worker.js';

/** What the threads compute: each task's arguments and result, as the worker module declares them. */
type Computation = 'hash' | 'verify';
type ArgsOf<N extends Computation> = Parameters<(typeof Argon2Worker)[N]>[0]['args'];
type ValueOf<N extends Computation> = Extract<ReturnType<(typeof Argon2Worker)[N]>, { late: false }>['value'];

/** One argon2id hash, unmetered and at normal priority (seeding); requests go through PasswordHasher. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** The worker module beside this one, built (.js) or, under the tests, from source (.ts). */
const ARGON2_WORKER = new URL(`./argon2.worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

const HASH_TIME_AVERAGED_OVER_MS = 2_000;
/** How long past its start-by time a sign-in still waits for a hash that may have started just in time. */
const LATE_HASH_GRACE_MS = 1_000;

/**
 * Admission control for argon2: each hash costs tens of milliseconds of CPU, so a login storm beyond the
 * machine's capacity would queue every hash for seconds. A request that will hash is admitted on arrival
 * only while the wait it would face — requests admitted before it, per lane, times the current time of one
 * hash — stays under `maxWaitMs`; beyond that it gets 503 with Retry-After at once.
 */
class HashAdmission {
  private admitted = 0;
  /**
   * One hash's time on its thread, as the thread measured it, averaged over the last seconds. At the threads'
   * lowered priority it includes the CPU the hash waited for, so it follows what the machine can spare; averaged
   * over time rather than over hashes, a second of peak contention does not make a queue that is about to drain
   * look like one that never will.
   */
  private hashMs = 40;
  private lastHashEndedAt = performance.now();
  /** When each hash now in flight (queued or hashing) was handed to the threads, oldest first. */
  private readonly inFlight = new Map<symbol, number>();

  private readonly lanes: number;

  constructor(
    private readonly maxWaitMs: number,
    private readonly pool: Piscina,
  ) {
    this.lanes = pool.options.maxThreads;
  }

  /**
   * The time one hash takes now: the recent average, or more while the hash in flight longest is still
   * running — a hash starved of CPU reports nothing until it ends. That hash (the oldest handed over: all before
   * it have ended) started when it was handed over or when the hash that freed its thread ended, so it has
   * been running at least since the later of that and the last hash's end.
   */
  private currentHashMs(): number {
    const oldest = this.inFlight.values().next();
    if (oldest.done) return this.hashMs;
    return Math.max(this.hashMs, performance.now() - Math.max(oldest.value, this.lastHashEndedAt));
  }

  /** Admits one request or refuses it; the returned function ends its admission. */
  admit(): () => void {
    if ((this.admitted / this.lanes) * this.currentHashMs() > this.maxWaitMs) {
      // Refused before hashing: more sign-ins wait than the machine can hash within the allowed wait.
      throw this.busy();
    }
    this.admitted += 1;
    let ended = false;
    return () => {
      if (!ended) this.admitted -= 1;
      ended = true;
    };
  }

  private busy(): DomainError {
    return new DomainError('sign-in-busy', 'Too many sign-ins at this moment; retry shortly', {
      retryAfterSeconds: Math.ceil(this.maxWaitMs / 1000),
    });
  }

  /**
   * Hands one computation to the threads. Admission predicts the wait, but the machine can get busier after it:
   * a task still queued `maxWaitMs` after its hand-over is not started, and its request gets 503 then; one
   * whose hash, started just in time, is still starved of CPU a moment later is answered 503 as well (the
   * thread finishes it for nobody). So a sign-in never waits much past `maxWaitMs` into the client's time-out.
   * (`bounded: false` for work no request waits on.)
   */
  async run<N extends Computation>(name: N, args: ArgsOf<N>, bounded = true): Promise<ValueOf<N>> {
    const key = Symbol(name);
    this.inFlight.set(key, performance.now());
    const startBy = bounded ? Date.now() + this.maxWaitMs : Infinity;
    const task: HashTask<ArgsOf<N>> = { args, startBy };
    // Piscina's results are untyped; the worker module's own signature says what this one is.
    const computed = (this.pool.run(task, { name }) as Promise<Timed<ValueOf<N>>>)
      .then((result) => {
        if (!result.late) this.observe(result.ms);
        return result;
      })
      .finally(() => this.inFlight.delete(key));
    const result = bounded ? await answeredBy(computed, startBy + LATE_HASH_GRACE_MS) : await computed;
    if (result.late) throw this.busy();
    return result.value;
  }

  /** An exponential moving average in time: a measurement's weight grows with the time since the last one. */
  private observe(ms: number): void {
    const now = performance.now();
    const weight = 1 - Math.exp(-(now - this.lastHashEndedAt) / HASH_TIME_AVERAGED_OVER_MS);
    this.hashMs += weight * (ms - this.hashMs);
    this.lastHashEndedAt = now;
  }
}

/** The computation's result, or `late` if it has none by `deadline` (epoch ms). */
export async function answeredBy<T>(computed: Promise<Timed<T>>, deadline: number): Promise<Timed<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ late: true }), deadline - Date.now());
  });
  try {
    return await Promise.race([computed, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks a password against a stored hash (or, for an unknown account, against a decoy). */
export type PasswordCheck = (passwordHash: string | undefined, password: string) => Promise<boolean>;

/** What a hash is for: a request, which admission may refuse, or the platform's own start (never refused). */
export type HashFor = 'request' | 'startup';

/**
 * Hashes and checks passwords for requests, through one admission gate per process, on worker threads of
 * their own (one per core). Their CPU priority can be lowered by `PASSWORD_HASH_NICE`: then during a login
 * storm the scheduler serves the event loop, Postgres and everything else first and hashing takes the CPU
 * they leave, so sign-ins wait (up to the admission limit) rather than anything else.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit, OnApplicationShutdown {
  private readonly admission: HashAdmission;
  private readonly pool: Piscina;
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // The threads live as long as the process: a sign-in after a quiet minute does not wait for one to start
    // (and load argon2), time admission would count against it.
    this.pool = new Piscina({
      filename: ARGON2_WORKER,
      minThreads: availableParallelism(),
      maxThreads: availableParallelism(),
      niceIncrement: config.PASSWORD_HASH_NICE,
    });
    this.admission = new HashAdmission(config.PASSWORD_HASH_MAX_WAIT_MS, this.pool);
  }

  /** Computes the decoy before the process serves anyone: the first unknown email costs no extra hash. */
  async onModuleInit(): Promise<void> {
    await this.decoy();
  }

  async hash(password: string, hashFor: HashFor = 'request'): Promise<string> {
    // Nobody's time-out runs for the platform's own accounts, and a start must not fail on a busy machine.
    if (hashFor === 'startup') return this.admission.run('hash', password, false);
    const done = this.admission.admit();
    try {
      return await this.admission.run('hash', password);
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
    const stored = passwordHash ?? (await this.decoy());
    const verified = await this.admission.run('verify', { stored, password });
    return verified && passwordHash !== undefined;
  }

  private decoy(): Promise<string> {
    return (this.decoyHash ??= this.admission.run('hash', 'decoy-password-for-unknown-accounts', false));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close({ force: true });
  }
}
