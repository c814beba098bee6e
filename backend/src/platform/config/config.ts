import { z } from 'zod';

const DEFAULT_JWT_SECRET = 'development-only-jwt-secret-change-me';
const DEFAULT_ADMIN_PASSWORD = 'password123';

/** A comma-separated setting as a list of its non-empty, trimmed entries. */
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0),
);
/** An address, a CIDR range, or one of proxy-addr's names for a range (loopback, linklocal, uniquelocal). */
const proxy = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.enum(['loopback', 'linklocal', 'uniquelocal'])]);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/eduplatform'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Connections for catalog full-text search (projections/course-catalog/full-text-pool.ts): at most this many
   * searches for common words run at once, whatever else waits for the main pool.
   */
  DATABASE_FULL_TEXT_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(4),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queues, rate limits, socket rooms); lets tests and tenants share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('edu'),
  JWT_SECRET: z.string().min(32).default(DEFAULT_JWT_SECRET),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(3600),
  ADMIN_EMAIL: z.string().email().default('admin@eduplatform.com'),
  ADMIN_PASSWORD: z.string().min(8).default(DEFAULT_ADMIN_PASSWORD),
  /** Log every SQL statement the ORM sends (development aid). */
  LOG_SQL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The worker serves /metrics and /health/live on this port (0: not at all). */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Projection jobs (batches of events) each projection applies at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** What a worker process runs: any of relay (outbox → queues), projections, reconciler. */
  WORKER_TASKS: z
    .string()
    .default('relay,projections,reconciler')
    .transform((v) => new Set(v.split(',').map((t) => t.trim())))
    .pipe(z.set(z.enum(['relay', 'projections', 'reconciler']))),
  /**
   * Least time between two claims of one outbox by the relay. A quiet outbox is relayed as soon as a command
   * rings; under load the events of this window go as one claim, one job per projection and one read-side
   * transaction each, instead of one of each per command.
   */
  OUTBOX_RELAY_GATHER_MS: z.coerce.number().int().min(0).max(1_000).default(100),
  /**
   * Attempts and first backoff (doubling) of a projection job before its failing events are recorded as
   * failed. Together they should stay well under RECONCILE_GRACE_MS (default: 1.5 s of retries): quick
   * retries ride out a moment's trouble, the reconciler covers longer outages, and an event that fails for
   * good is recorded before the reconciler would send it again.
   */
  PROJECTION_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  PROJECTION_BACKOFF_MS: z.coerce.number().int().min(1).default(100),
  /** How often the reconciler looks for events a projection has not applied, and how old they must be. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  RECONCILE_GRACE_MS: z.coerce.number().int().min(100).default(10_000),
  /** How long a catalog page or search result is served from memory before it is refreshed (0: never cached). */
  CATALOG_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /**
   * How long the in-memory snapshot of the unfiltered lists' first 1,100 rows is served before it is reloaded
   * (with the cache on). A reload lists the row versions of 1,100 cards (and reads the cards written since), so
   * it follows a slower clock than pages: a new course or a changed count shows in the lists within this (plus
   * half a second).
   */
  CATALOG_SNAPSHOT_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  /**
   * How long a search result page is served at least before it is refreshed (with the cache on): ranking every
   * match of a broad word costs tens of milliseconds, half the database's time under the benchmark at a one-second
   * refresh. A page that took longer to rank is reused three thousand times as long as it took, up to a minute.
   */
  CATALOG_SEARCH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * How long a result count (the `total` of a catalog page or search) is reused at least. Counting every match
   * of a common word costs a hundred times a page, so a count that took longer is reused five thousand times as
   * long as it took, up to five minutes; it never claims fewer courses than its page shows. 0: as fresh as pages.
   */
  CATALOG_COUNT_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /**
   * How long a course's curriculum is served from memory to its readers (with the cache on). Courses change
   * their modules and lessons seldom, and readers spread over a thousand listed courses open each one's
   * curriculum only every few seconds: too seldom for a one-second cache to spare a query. The course's owner and
   * admins always read it fresh, so an author sees every edit at once; other readers within this (plus half a
   * second).
   */
  CURRICULUM_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
  /** Built SvelteKit handler served for every non-API path; empty disables the frontend. */
  FRONTEND_HANDLER: z.string().default(''),
  /** Lockout: failed logins of one account from one client address within the window. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Failed logins from one address (any accounts) within the window; accounts that signed in there before pass. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Backoff: after this many failures of one account (all addresses, one hour), retries from failed addresses wait. */
  LOGIN_ACCOUNT_BACKOFF_AFTER: z.coerce.number().int().min(1).default(10),
  /** Longest wait of the per-account backoff, which doubles with every further failure. */
  LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(300),
  /**
   * A password hash is refused with 503 when it would wait longer than this behind others (a login storm): a
   * sign-in is better spent waiting a few seconds than refused, but never into a client's time-out.
   */
  PASSWORD_HASH_MAX_WAIT_MS: z.coerce.number().int().min(1).default(10_000),
  /**
   * How much lower than the rest of the api the password-hashing threads run (a nice increment, 0–19). Raised,
   * a login storm takes CPU from requests last, and sign-ins wait the longer: at 10, a 1,500-user ramp of 50 a
   * second starved them (login p99 10 s, 20 refused) with no gain for the other endpoints; at 0, all signed in
   * (p99 2.6 s). Worth raising where one hash costs far more of the machine than ≈ 11 ms of a core.
   */
  PASSWORD_HASH_NICE: z.coerce.number().int().min(0).max(19).default(0),
  /** Registrations allowed from one client address per hour. */
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(100),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs). Empty: none, and the
   * client address is the socket's.
   */
  TRUSTED_PROXIES: list.pipe(z.array(proxy)).default([]),
  /** The site's own origin: the only one granted cross-origin access (CORS). */
  PUBLIC_ORIGIN: z
    .url()
    .default('http://localhost:3000')
    .transform((url) => new URL(url).origin),
  /** Hosts lesson markdown may show images from (https only); empty: no external images. */
  LESSON_IMAGE_HOSTS: list.default([]).transform((hosts) => hosts.map((host) => host.toLowerCase())),
});

export type AppConfig = z.infer<typeof schema>;

/** Reads and validates configuration; refuses development defaults for secrets in production. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEFAULT_JWT_SECRET) {
      throw new Error('Invalid configuration: JWT_SECRET must be set to a secret of your own in production');
    }
    if (config.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD) {
      throw new Error('Invalid configuration: ADMIN_PASSWORD must be set in production');
    }
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
