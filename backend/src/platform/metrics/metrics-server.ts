import { createServer, type Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { registry } from './metrics.js';

/** A readiness check: whether the process can do its work, and the details to show. */
export type Readiness = () => Promise<{ ready: boolean; body: object }>;

/**
 * A worker has no HTTP API; this tiny server lets Prometheus scrape its metrics (projection lag, failures)
 * and orchestrators probe it. A port already taken (a second worker on one machine) only costs that worker
 * its endpoint.
 */
export function serveMetrics(host: string, port: number, readiness: Readiness): Server | undefined {
  if (port === 0) return undefined;
  const logger = new Logger('Metrics');
  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    } else if (request.url === '/health/ready') {
      readiness().then(
        ({ ready, body }) =>
          response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        () => response.writeHead(503).end(),
      );
    } else if (request.url === '/health/live') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      response.writeHead(404).end();
    }
  });
  server.on('error', (error) => logger.warn(`metrics endpoint not served on ${host}:${port}: ${error.message}`));
  server.listen(port, host);
  return server;
}
