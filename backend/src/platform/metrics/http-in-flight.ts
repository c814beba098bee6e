import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { registry } from './metrics.js';

const inFlight = new Gauge({
  name: 'http_requests_in_flight',
  help: 'HTTP requests received and not yet answered (API and frontend)',
  registers: [registry],
});

/**
 * Counts a request from its arrival until its connection answered or closed. Counted on the raw response
 * rather than in onResponse, because frontend requests are hijacked and skip Fastify's response hooks.
 * Register before any hook that hijacks.
 */
export function measureRequestsInFlight(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight.inc();
    reply.raw.once('close', () => inFlight.dec());
    done();
  });
}
