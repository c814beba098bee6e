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
import { PlatformModule, SQL_POOL } from '../platform/platform.module.js';
import { PROJECTIONS, type Projection } from '../platform/projection/projection.js';
import { ProjectionRunner, routeEvents } from '../platform/projection/projection-runner.js';
import { ProjectionQueues } from '../platform/queue/projection-queues.js';
import { ENTITIES } from './entities.js';
import { ProjectionsModule } from './projections.module.js';

/** Starts the outbox relay and the projection workers with the process, and drains them on shutdown. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly queues: ProjectionQueues;
  readonly relay: OutboxRelay;
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SQL_POOL) pool: SqlPool,
    @Inject(PROJECTIONS) projections: Projection[],
  ) {
    const routes = routeEvents(projections);
    this.queues = new ProjectionQueues(
      config,
      projections.map((p) => p.name),
    );
    this.relay = new OutboxRelay(config, pool, this.queues, routes);
    this.runner = new ProjectionRunner(config, pool, projections);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start();
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.runner.stop();
    await this.queues.close();
  }
}

/** The worker role: relays outboxes to queues and builds the read models. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, entities: ENTITIES, role: 'worker' }),
        ProjectionsModule.forRoot({ live: true }),
      ],
      providers: [WorkerLifecycle],
      exports: [WorkerLifecycle],
    };
  }
}
