import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../platform/config/config.js';
import { migrate } from '../platform/database/migrate.js';
import { createPool } from '../platform/database/pg-pool.js';
import { PROJECTIONS, type Projection } from '../platform/projection/projection.js';
import { listFailedEvents, replayFailedEvents } from '../platform/projection/failed-events.js';
import { ProjectionQueues } from '../platform/queue/projection-queues.js';
import { checkReadModels } from '../platform/projection/read-model-checker.js';
import { rebuildProjection } from '../platform/projection/projection-runner.js';
import { CONSUMER_NAMES, ProjectionsModule } from '../app/projections.module.js';
import { runMain } from '../app/run-main.js';

const USAGE = 'usage: read-models check | rebuild <projection name | all> | failed [projection] | replay [projection]';

/**
 * Operator commands: `check` prints every difference between read models and the write side; `rebuild`
 * recomputes; `failed` lists the events projections and policies gave up on and `replay` sends them again.
 */
runMain(async () => {
  const [command, target] = process.argv.slice(2);
  const config = loadConfig();
  await migrate(config.DATABASE_URL);
  const context = await NestFactory.createApplicationContext(ProjectionsModule.forRoot({ live: false }), {
    logger: ['error'],
  });
  const projections = context.get<Projection[]>(PROJECTIONS);
  const pool = createPool(config, 'read-models-cli');
  try {
    if (command === 'check') {
      const differences = await checkReadModels(pool, projections);
      for (const d of differences) console.log(JSON.stringify(d));
      console.log(`${differences.length} differences`);
      process.exitCode = differences.length === 0 ? 0 : 1;
    } else if (command === 'rebuild' && target) {
      const chosen = projections.filter((p) => p.rebuild && (target === 'all' || p.name === target));
      if (chosen.length === 0) throw new Error(`no projection named ${target}; ${USAGE}`);
      for (const projection of chosen) {
        await rebuildProjection(pool, projection);
        console.log(`rebuilt ${projection.name}`);
      }
    } else if (command === 'failed') {
      const failed = await listFailedEvents(pool, target);
      for (const f of failed) console.log(JSON.stringify(f));
      console.log(`${failed.length} failed events`);
    } else if (command === 'replay') {
      const queues = new ProjectionQueues(config, CONSUMER_NAMES);
      try {
        console.log(`replayed ${await replayFailedEvents(pool, queues, target)} events`);
      } finally {
        await queues.close();
      }
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await pool.end();
    await context.close();
  }
});
