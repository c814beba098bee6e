import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public } from '../auth/access.js';
import type { SqlPool } from '../database/pg-pool.js';
import { registry } from '../metrics/metrics.js';
import { REDIS, SQL_POOL } from '../platform.module.js';
import { PipelineHealthProbe } from '../outbox/pipeline-health.js';
import { readiness } from './readiness.js';

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

  /** Ready to serve (see `readiness`): 200, or 503 when Postgres or Redis does not answer. */
  @Get('health/ready')
  @Public()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    const { ready, body } = await readiness(this.pool, this.redis, this.pipeline);
    void reply.status(ready ? 200 : 503);
    return body;
  }

  @Get('metrics')
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
