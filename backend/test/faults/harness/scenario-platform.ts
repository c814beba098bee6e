import pg from 'pg';
import { Redis } from 'ioredis';
import { HttpClient } from '../../support/http-client.js';
import { PlatformProcess, waitUntilReady } from '../../support/processes.js';
import { freePort } from '../../support/free-port.js';
import { faultsCluster } from './postgres-cluster.js';
import type { OwnRedis } from './own-redis.js';

/**
 * Knobs of the fixed pipeline, turned down so a scenario converges in seconds rather than the production
 * defaults' minutes: the reconciler looks every second at events older than 3 s, and a projection gives up on
 * an event after 3 quick attempts. Today's code ignores them.
 */
const PIPELINE_ENV = {
  RECONCILE_INTERVAL_MS: '1000',
  RECONCILE_GRACE_MS: '3000',
  PROJECTION_ATTEMPTS: '3',
  PROJECTION_BACKOFF_MS: '100',
};

/** One api and one worker process from the build, on a fresh database of the faults cluster and its own Redis prefix. */
export class ScenarioPlatform {
  api!: PlatformProcess;
  worker!: PlatformProcess;
  readonly http: HttpClient;
  readonly sql: pg.Pool;
  /** Processes the scenario killed on purpose; any other that exited crashed by itself. */
  private readonly killed = new Set<PlatformProcess>();
  private readonly retired: PlatformProcess[] = [];
  private settings: Record<string, string> = {};

  private constructor(
    readonly database: string,
    readonly databaseUrl: string,
    private readonly redis: OwnRedis,
    private readonly apiPort: number,
    readonly workerMetricsPort: number,
  ) {
    this.http = new HttpClient(`http://127.0.0.1:${apiPort}`);
    // The observer's connections are named so that no fault's application_name pattern matches them.
    this.sql = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'faults-observer' });
    this.sql.on('error', () => undefined);
  }

  /** `settings`: environment of the scenario's own, for the api and every worker it starts. */
  static async start(name: string, redis: OwnRedis, settings: Record<string, string> = {}) {
    const database = `faults_${name.replace(/\W/g, '_')}`;
    const url = await faultsCluster.createDatabase(database);
    const platform = new ScenarioPlatform(database, url, redis, await freePort(), await freePort());
    platform.settings = settings;
    platform.api = PlatformProcess.start('api', { ...platform.env(), PORT: String(platform.apiPort) });
    await waitUntilReady(`${platform.http.baseUrl}/health/live`, 60_000);
    await platform.startWorker();
    return platform;
  }

  private env(): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: `faults:${this.database}`,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '8',
      CATALOG_CACHE_MS: '0',
      WORKER_METRICS_PORT: String(this.workerMetricsPort),
      ...PIPELINE_ENV,
      ...this.settings,
    };
  }

  /** Starts a worker (replacing the current one's slot); `extra` e.g. `{ WORKER_TASKS: 'relay' }`. */
  async startWorker(extra: Record<string, string> = {}): Promise<void> {
    if (this.worker) this.retired.push(this.worker);
    this.worker = PlatformProcess.start('worker', { ...this.env(), ...extra });
    await waitUntilReady(`http://127.0.0.1:${this.workerMetricsPort}/health/live`, 60_000);
  }

  async killWorker(): Promise<void> {
    this.killed.add(this.worker);
    await this.worker.kill9();
  }

  async stopWorker(): Promise<void> {
    this.killed.add(this.worker);
    await this.worker.stop();
  }

  /** Processes that died without the scenario killing them, with the end of their output. */
  crashed(): string[] {
    return [this.api, ...this.retired, this.worker]
      .filter((p) => p && !this.killed.has(p) && p.exited)
      .map((p) => {
        const errors = p.log.split('\n').filter((line) => /error/i.test(line) && !/^\s+at /.test(line));
        return `${p.role} exited by itself: ${errors.slice(-2).join(' | ').slice(0, 300)}`;
      });
  }

  async apiReadyStatus(): Promise<number> {
    return (await this.http.get('/health/ready')).status;
  }

  /** The worker's readiness detail, including the pipeline (backlog, quarantined rows, failed events). */
  async workerHealth(): Promise<any> {
    const response = await fetch(`http://127.0.0.1:${this.workerMetricsPort}/health/ready`);
    return response.json();
  }

  async workerMetrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.workerMetricsPort}/metrics`)).text();
  }

  /** Jobs waiting in this platform's BullMQ queues, whatever the queues are called. */
  async queuedJobs(): Promise<number> {
    const redis = new Redis(this.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      let total = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `faults:${this.database}:*`, 'COUNT', 1000);
        for (const key of keys) {
          if (/:(wait|paused)$/.test(key)) total += await redis.llen(key);
          else if (/:(prioritized|delayed)$/.test(key)) total += await redis.zcard(key);
        }
        cursor = next;
      } while (cursor !== '0');
      return total;
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.api, this.worker].filter(Boolean).map((p) => p.stop()));
    await this.sql.end();
  }
}
