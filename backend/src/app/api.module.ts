import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '../platform/config/config.js';
import { HealthController } from '../platform/health/health.controller.js';
import { registerPlatformGauges } from '../platform/metrics/platform-gauges.js';
import { PlatformModule, SQL_POOL } from '../platform/platform.module.js';
import type { SqlPool } from '../platform/database/pg-pool.js';
import { ProjectionQueues } from '../platform/queue/projection-queues.js';
import { LiveGateway } from '../platform/realtime/live-gateway.js';
import { IdentityModule } from '../../aggregates/identity/identity.module.js';
import { CourseModule } from '../../aggregates/course/course.module.js';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { EnrollmentModule } from '../../aggregates/enrollment/enrollment.module.js';
import { NotificationModule } from '../../aggregates/notification/notification.module.js';
import { PaymentModule } from '../../aggregates/payment/payment.module.js';
import { ReviewModule } from '../../aggregates/review/review.module.js';
import { ENTITIES } from './entities.js';
import { PROJECTION_NAMES } from './projections.module.js';

@Injectable()
class QueuesCloser implements OnApplicationShutdown {
  constructor(private readonly queues: ProjectionQueues) {}
  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}

/** The api role: HTTP commands and queries (and, later, sockets). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ config, entities: ENTITIES, role: 'api' }),
        CqrsModule.forRoot(),
        IdentityModule,
        CourseModule,
        CatalogQueriesModule,
        ReviewModule,
        PaymentModule,
        EnrollmentModule,
        NotificationModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: ProjectionQueues, useFactory: () => new ProjectionQueues(config, PROJECTION_NAMES) },
        QueuesCloser,
        LiveGateway,
        {
          provide: 'PLATFORM_GAUGES',
          useFactory: (pool: SqlPool, queues: ProjectionQueues) => registerPlatformGauges(pool, queues),
          inject: [SQL_POOL, ProjectionQueues],
        },
      ],
    };
  }
}
