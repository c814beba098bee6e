import {
  Injectable,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { SqlPool } from '../platform/database/pg-pool.js';
import { OutboxRelay } from '../platform/outbox/outbox-relay.js';
import type { Redis } from 'ioredis';
import { readiness } from '../platform/health/readiness.js';
import { registerPipelineGauges } from '../platform/metrics/platform-gauges.js';
import { OutboxReconciler } from '../platform/outbox/outbox-reconciler.js';
import { PipelineHealthProbe } from '../platform/outbox/pipeline-health.js';
import { PlatformModule, REDIS, SQL_POOL } from '../platform/platform.module.js';
import { POLICIES, type Policy } from '../platform/policy/policy.js';
import { PROJECTIONS, type Projection } from '../platform/projection/projection.js';
import { ProjectionRunner, routeEvents } from '../platform/projection/projection-runner.js';
import { ProjectionQueues } from '../platform/queue/projection-queues.js';
import { ENTITIES } from './entities.js';
import { PoliciesModule } from './policies.module.js';
import { ProjectionsModule } from './projections.module.js';

/**
 * Starts what this worker runs (WORKER_TASKS: the outbox relay, the projections and policies, the reconciler) with the
 * process, and drains them on shutdown.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly queues: ProjectionQueues;
  readonly relay: OutboxRelay;
  readonly runner: ProjectionRunner;
  readonly reconciler: OutboxReconciler;
  readonly pipeline: PipelineHealthProbe;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(POLICIES) policies: Policy[],
  ) {
    const consumers = [...projections, ...policies];
    const routes = routeEvents(consumers);
    this.queues = new ProjectionQueues(
      config,
      consumers.map((c) => c.name),
    );
    this.relay = new OutboxRelay(config, pool, this.queues, routes);
    this.runner = new ProjectionRunner(config, pool, consumers, this.queues);
    this.reconciler = new OutboxReconciler(config, pool, this.queues, routes);
    this.pipeline = new PipelineHealthProbe(pool);
    registerPipelineGauges(this.queues, this.pipeline);
  }

  async onApplicationBootstrap(): Promise<void> {
    const tasks = this.config.WORKER_TASKS;
    if (tasks.has('projections')) this.runner.start();
    if (tasks.has('relay')) await this.relay.start();
    if (tasks.has('reconciler')) this.reconciler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.reconciler.stop();
    await this.runner.stop();
    await this.queues.close();
  }

  /** Ready while Postgres and Redis answer; the pipeline's backlog and failures are reported alongside. */
  readiness(): Promise<{ ready: boolean; body: object }> {
    return readiness(this.pool, this.redis, this.pipeline);
  }
}

/** The worker role: relays outboxes to queues, builds the read models and runs the policies. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, entities: ENTITIES, role: 'worker' }),
        ProjectionsModule.forRoot({ live: true }),
        PoliciesModule,
      ],
      providers: [WorkerLifecycle],
      exports: [WorkerLifecycle],
    };
  }
}
