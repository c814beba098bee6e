import type { FastifyInstance } from 'fastify';
import { httpRequestDuration } from '../metrics/metrics.js';

/** Records every response's latency under its route template, so `/courses/:id` is one series. */
export function instrumentHttp(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? (request.url.startsWith('/api') ? 'unmatched' : 'frontend');
    httpRequestDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
