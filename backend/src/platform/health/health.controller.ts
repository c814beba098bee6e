import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public } from '../auth/access.js';
import type { SqlPool } from '../database/pg-pool.js';
import { registry } from '../metrics/metrics.js';
import { REDIS, SQL_POOL } from '../platform.module.js';
import { PipelineHealthProbe, summarize } from '../outbox/pipeline-health.js';
import { probe } from './probe.js';

@ApiExcludeController()
@Controller()
export class HealthController {
  private readonly pipeline: PipelineHealthProbe;

  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.pipeline = new PipelineHealthProbe(pool);
  }

  /** The process is up (no dependency checks: a restart would not fix them). */
  @Get('health/live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready to serve: its own dependencies, Postgres and Redis, answer. The event pipeline (backlog, oldest
   * unrelayed event, quarantined rows, failed events) is reported alongside but never makes the api unready:
   * a stopped worker must not take every api replica out of a load balancer.
   */
  @Get('health/ready')
  @Public()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.pool.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const pipeline = await this.pipeline.read().then(summarize, () => undefined);
    const ok = postgres === 'ok' && redis === 'ok';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis }, pipeline };
  }

  @Get('metrics')
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
