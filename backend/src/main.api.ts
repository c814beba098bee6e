import 'reflect-metadata';
import { loadConfig } from './platform/config/config.js';
import { migrate } from './platform/database/migrate.js';
import { REDIS, SQL_POOL } from './platform/platform.module.js';
import { measureDependencies } from './platform/metrics/dependency-gauges.js';
import { createApi } from './app/create-api.js';
import { preflight } from './app/preflight.js';
import { runMain } from './app/run-main.js';
import { boundShutdown } from './app/shutdown.js';

runMain(async () => {
  const config = loadConfig();
  await preflight(config);
  await migrate(config.DATABASE_URL);
  const app = await createApi(config);
  measureDependencies(app.get(SQL_POOL), app.get(REDIS));
  boundShutdown('api');
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(JSON.stringify({ level: 'log', message: `api listening on http://${config.HOST}:${config.PORT}` }));
});
