import { Injectable, Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { AggregateActors } from './actors/aggregate-actors.js';
import { AuthGuard } from './auth/auth.guard.js';
import { JwtService } from './auth/jwt.service.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { createOrm, type EntityClass } from './database/orm.js';
import { createPool, SQL_POOL, type SqlPool } from './database/pg-pool.js';
import { CLOCK, systemClock } from './domain/clock.js';
import { ErrorFilter } from './http/error.filter.js';
import { OutboxDoorbell } from './outbox/outbox-doorbell.js';
import { createRedis, REDIS } from './queue/redis.js';

export { SQL_POOL, REDIS };

@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool.end(), this.orm.close(), this.redis.quit()]);
  }
}

export interface PlatformOptions {
  config: AppConfig;
  entities: EntityClass[];
  /** Names the process's database connections (visible in pg_stat_activity). */
  role: string;
}

/** Configuration, connections, the actor runner, authentication and error mapping, shared by every module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, entities, role }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: SQL_POOL, useFactory: () => createPool(config, role) },
        { provide: REDIS, useFactory: () => createRedis(config) },
        { provide: MikroORM, useFactory: () => createOrm(config, entities) },
        OutboxDoorbell,
        AggregateActors,
        JwtService,
        ConnectionsCloser,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [APP_CONFIG, CLOCK, SQL_POOL, REDIS, MikroORM, OutboxDoorbell, AggregateActors, JwtService],
    };
  }
}
