import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cors from '@fastify/cors';
import helmet from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../platform/config/config.js';
import { instrumentHttp } from '../platform/http/http-metrics.js';
import { responseComponents } from '../platform/http/responses.js';
import { trackRequestsInFlight } from '../platform/metrics/http-in-flight.js';
import { ApiModule } from './api.module.js';
import { jsonLogger } from './logger.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const BACKEND_PATHS = /^\/(api|health|metrics|socket\.io)(\/|$|\?)/;

/**
 * Content-Security-Policy of API responses and the OpenAPI page (Swagger UI loads its own scripts and styles);
 * the frontend's pages carry SvelteKit's own policy (frontend/svelte.config.js).
 */
const API_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A URL refused before routing skips every hook, helmet's included: its JSON error gets the headers that matter. */
const PRE_ROUTING_ERROR_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * The headers helmet sets with the options below, captured once at start: none depends on the request, and
 * handing them to Fastify as one object spares every response a dozen validated `setHeader` calls.
 */
function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  let done = false;
  const capture = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })({} as IncomingMessage, capture as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not set its headers at once; they cannot be captured');
  return headers;
}

const SECURITY_HEADERS = securityHeaders();
/** Frontend pages carry SvelteKit's own CSP, which knows its inline script's nonce, and the other headers. */
const PAGE_SECURITY_HEADERS = new Map(
  Object.entries(SECURITY_HEADERS).filter(([name]) => name !== 'content-security-policy'),
);

/** Security headers on every response, and cross-origin access for the site's own origin only. */
async function secureHeaders(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  // Registered on Fastify itself rather than through Nest's enableCors, which copies `Vary` onto the raw response
  // of every request: Node then takes its slow path and sets every header of the answer one by one. No Nest
  // middleware ends a response here, which is what that copy is for.
  await fastify.register(cors, {
    origin: [config.PUBLIC_ORIGIN],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
    maxAge: 600,
  });
}

/** Hands every non-API path to the built SvelteKit app, so the whole site lives on one origin and port. */
async function mountFrontend(fastify: FastifyInstance, handlerPath: string): Promise<void> {
  const { handler } = (await import(pathToFileURL(handlerPath).href)) as { handler: NodeHandler };
  fastify.addHook('onRequest', (request, reply, done) => {
    if (BACKEND_PATHS.test(request.url)) return done();
    // The page is answered outside Fastify, so its security headers go on the raw response.
    reply.raw.setHeaders(PAGE_SECURITY_HEADERS);
    reply.hijack();
    handler(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end('Not found');
    });
  });
}

/** The OpenAPI document of every route, with the named response schemas as its components. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EduPlatform API')
      .setDescription('Courses, enrollments, progress, reviews, payments and notifications.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: responseComponents() };
  return document;
}

export async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES; otherwise the socket's address counts.
  const trustProxy = config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false;
  const adapter = new FastifyAdapter({
    bodyLimit: 512 * 1024,
    trustProxy,
    // A URL Fastify refuses before routing (malformed percent-encoding, an overlong parameter) gets a `{detail}` as
    // every other error does, without echoing the URL back.
    frameworkErrors: (_error: Error, _request: FastifyRequest, reply: FastifyReply) =>
      void reply
        .code(400)
        .headers(PRE_ROUTING_ERROR_HEADERS)
        .send({ detail: 'The request URL is malformed or too long' }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: jsonLogger(config),
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  trackRequestsInFlight(fastify);
  instrumentHttp(fastify);
  await secureHeaders(fastify, config);
  if (config.FRONTEND_HANDLER) await mountFrontend(fastify, config.FRONTEND_HANDLER);

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  // Exit explicitly once drained: as PID 1 in a container, a re-raised SIGTERM would be ignored.
  app.enableShutdownHooks([], { useProcessExit: true });
  return app;
}
