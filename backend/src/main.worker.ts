import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './platform/config/config.js';
import { migrate } from './platform/database/migrate.js';
import { REDIS, SQL_POOL } from './platform/platform.module.js';
import { preflight } from './app/preflight.js';
import { runMain } from './app/run-main.js';
import { jsonLogger } from './app/logger.js';
import { warnUnlessNoEviction } from './app/redis-eviction-policy.js';
import { boundShutdown } from './app/shutdown.js';
import { WorkerLifecycle, WorkerModule } from './app/worker.module.js';
import { measureDependencies } from './platform/metrics/dependency-gauges.js';
import { serveMetrics } from './platform/metrics/metrics-server.js';

runMain(async () => {
  const config = loadConfig();
  await preflight(config);
  await migrate(config.DATABASE_URL);
  const logger = jsonLogger(config);
  await warnUnlessNoEviction(config, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  // Exit explicitly once drained: as PID 1 in a container, a re-raised SIGTERM would be ignored.
  app.enableShutdownHooks([], { useProcessExit: true });
  boundShutdown('worker');
  measureDependencies(app.get(SQL_POOL), app.get(REDIS));
  const lifecycle = app.get(WorkerLifecycle);
  const metrics = serveMetrics(config.HOST, config.WORKER_METRICS_PORT, () => lifecycle.readiness());
  process.once('SIGTERM', () => metrics?.close());
  console.log(JSON.stringify({ level: 'log', message: 'worker started: outbox relay and projections running' }));
});
