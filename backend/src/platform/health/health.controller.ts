import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public } from '../auth/access.js';
import type { SqlPool } from '../database/pg-pool.js';
import { registry } from '../metrics/metrics.js';
import { REDIS, SQL_POOL } from '../platform.module.js';
import { ProjectionQueues } from '../queue/projection-queues.js';

async function check(probe: () => Promise<unknown>): Promise<'ok' | string> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2_000))]);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: ProjectionQueues,
  ) {}

  /** The process is up (no dependency checks: a restart would not fix them). */
  @Get('health/live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve: Postgres and Redis answer and every projection queue has a worker consuming it. */
  @Get('health/ready')
  @Public()
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, string> }> {
    const [postgres, redis, workers] = await Promise.all([
      check(() => this.pool.query('SELECT 1')),
      check(() => this.redis.ping()),
      check(async () => {
        const counts = await Promise.all([...this.queues.byProjection.values()].map((q) => q.getWorkersCount()));
        if (counts.some((n) => n === 0)) throw new Error('a projection queue has no worker');
      }),
    ]);
    const checks = { postgres, redis, workers };
    const ok = Object.values(checks).every((c) => c === 'ok');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  @Get('metrics')
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
