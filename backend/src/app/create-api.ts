import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../platform/config/config.js';
import { instrumentHttp } from '../platform/http/http-metrics.js';
import { trackRequestsInFlight } from '../platform/metrics/http-in-flight.js';
import { ApiModule } from './api.module.js';
import { jsonLogger } from './logger.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const BACKEND_PATHS = /^\/(api|health|metrics|socket\.io)(\/|$|\?)/;

/** Hands every non-API path to the built SvelteKit app, so the whole site lives on one origin and port. */
async function mountFrontend(fastify: FastifyInstance, handlerPath: string): Promise<void> {
  const { handler } = (await import(pathToFileURL(handlerPath).href)) as { handler: NodeHandler };
  fastify.addHook('onRequest', (request, reply, done) => {
    if (BACKEND_PATHS.test(request.url)) return done();
    reply.hijack();
    handler(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end('Not found');
    });
  });
}

export async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 512 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: jsonLogger(config),
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  trackRequestsInFlight(fastify);
  instrumentHttp(fastify);
  if (config.FRONTEND_HANDLER) await mountFrontend(fastify, config.FRONTEND_HANDLER);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EduPlatform API')
      .setDescription('Courses, enrollments, progress, reviews, payments and notifications.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // Exit explicitly once drained: as PID 1 in a container, a re-raised SIGTERM would be ignored.
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
