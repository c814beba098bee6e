import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './platform/config/config.js';
import { migrate } from './platform/database/migrate.js';
import { preflight } from './app/preflight.js';
import { runMain } from './app/run-main.js';
import { jsonLogger } from './app/logger.js';
import { WorkerLifecycle, WorkerModule } from './app/worker.module.js';
import { serveMetrics } from './platform/metrics/metrics-server.js';

runMain(async () => {
  const config = loadConfig();
  await preflight(config);
  await migrate(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: jsonLogger(config) });
  app.enableShutdownHooks();
  const lifecycle = app.get(WorkerLifecycle);
  const metrics = serveMetrics(config.HOST, config.WORKER_METRICS_PORT, () => lifecycle.readiness());
  process.once('SIGTERM', () => metrics?.close());
  console.log(JSON.stringify({ level: 'log', message: 'worker started: outbox relay and projections running' }));
});
