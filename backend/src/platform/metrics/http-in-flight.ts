import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { registry } from './metrics.js';

/** The responses each Fastify instance is still working on. */
const servers = new Set<Set<ServerResponse>>();

new Gauge({
  name: 'http_requests_in_flight',
  help: 'HTTP requests received and not yet answered (API and frontend)',
  registers: [registry],
  collect() {
    this.set([...servers].reduce((n, responses) => n + responses.size, 0));
  },
});

/**
 * Tracks every request from its arrival until its response closed — on the raw response, because
 * frontend requests are hijacked and skip Fastify's response hooks (so register this before any hook that
 * hijacks). Once the server begins to close, every response asks the client to close its connection:
 * a kept-alive connection would otherwise carry a next request that the closing server never answers,
 * and keep it from closing.
 */
export function trackRequestsInFlight(fastify: FastifyInstance): void {
  const responses = new Set<ServerResponse>();
  let closing = false;
  servers.add(responses);
  fastify.addHook('onRequest', (request, reply, done) => {
    const response = reply.raw;
    if (closing) response.setHeader('connection', 'close');
    responses.add(response);
    response.once('close', () => responses.delete(response));
    done();
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    for (const response of responses) if (!response.headersSent) response.setHeader('connection', 'close');
    done();
  });
  fastify.addHook('onClose', (_instance, done) => {
    servers.delete(responses);
    done();
  });
}
