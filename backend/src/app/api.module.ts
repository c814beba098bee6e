import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '../platform/config/config.js';
import { HealthController } from '../platform/health/health.controller.js';
import { registerPoolGauge } from '../platform/metrics/platform-gauges.js';
import { PlatformModule, SQL_POOL } from '../platform/platform.module.js';
import type { SqlPool } from '../platform/database/pg-pool.js';
import { LiveGateway } from '../platform/realtime/live-gateway.js';
import { IdentityModule } from '../../aggregates/identity/identity.module.js';
import { CourseModule } from '../../aggregates/course/course.module.js';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { FULL_TEXT_POOL } from '../../projections/course-catalog/full-text-pool.js';
import { EnrollmentModule } from '../../aggregates/enrollment/enrollment.module.js';
import { NotificationModule } from '../../aggregates/notification/notification.module.js';
import { PaymentModule } from '../../aggregates/payment/payment.module.js';
import { ReviewModule } from '../../aggregates/review/review.module.js';
import { ENTITIES } from './entities.js';

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
        LiveGateway,
        {
          provide: 'POOL_GAUGE',
          useFactory: (main: SqlPool, fullText: SqlPool) => registerPoolGauge({ main, 'full-text': fullText }),
          inject: [SQL_POOL, FULL_TEXT_POOL],
        },
      ],
    };
  }
}
