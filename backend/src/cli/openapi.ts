import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '../platform/config/config.js';
import { ApiModule } from '../app/api.module.js';
import { openApiDocument } from '../app/create-api.js';
import { runMain } from '../app/run-main.js';

/**
 * Prints the api's OpenAPI document (what /api/docs/openapi.json serves). Preview mode reads the modules and
 * routes without creating providers, so no database or Redis is needed. `npm run api:contract` writes it to
 * contracts/openapi.json.
 */
runMain(async () => {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig()), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  process.stdout.write(`${JSON.stringify(openApiDocument(app), null, 2)}\n`);
});
