import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../../src/platform/config/config.js';
import { createApi } from '../../src/app/create-api.js';
import { WorkerLifecycle, WorkerModule } from '../../src/app/worker.module.js';
import { createTestDatabase } from './databases.js';
import { HttpClient } from './http-client.js';

/**
 * The real api and worker roles, in this process, on a database and Redis key prefix of the spec
 * file's own: HTTP goes over a real socket, events through the real outbox, relay and BullMQ.
 */
export class TestPlatform {
  private constructor(
    readonly config: AppConfig,
    readonly api: NestFastifyApplication,
    readonly worker: INestApplicationContext,
    readonly sql: pg.Pool,
    readonly http: HttpClient,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<TestPlatform> {
    const database = await createTestDatabase();
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '10',
      REDIS_PREFIX: `test:${database.name}`,
      LOG_LEVEL: 'error',
      // Specs read their own writes right after projections settle.
      CATALOG_CACHE_MS: '0',
      // Every actor of a spec registers from 127.0.0.1; the specs of the limit itself set it low.
      REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
      ...overrides,
    });
    const api = await createApi(config);
    await api.listen({ port: 0, host: '127.0.0.1' });
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    await worker.init();
    const address = api.getHttpServer().address() as { port: number };
    const sql = new pg.Pool({ connectionString: database.url, max: 4 });
    sql.on('error', () => undefined); // its connections are cut when the database is dropped
    return new TestPlatform(
      config,
      api,
      worker,
      sql,
      new HttpClient(`http://127.0.0.1:${address.port}`),
      database.drop,
    );
  }

  get lifecycle(): WorkerLifecycle {
    return this.worker.get(WorkerLifecycle);
  }

  /** Waits until every committed event has been relayed and every projection job has finished. */
  async settle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.lifecycle.relay.flush();
      const counts = await Promise.all(
        [...this.lifecycle.queues.all.values()].map((q) =>
          q.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        ),
      );
      const pending = counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`projections did not settle: ${pending} jobs pending`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    // Consumers stop before their queues are deleted under them; jobs in flight do not matter any more.
    await this.lifecycle.relay.stop();
    await this.lifecycle.reconciler.stop();
    await this.lifecycle.runner.stop({ force: true });
    for (const queue of this.lifecycle.queues.all.values()) await queue.obliterate({ force: true });
    await this.worker.close();
    await this.api.close();
    await this.sql.end();
    await this.dropDatabase();
  }
}
