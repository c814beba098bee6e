import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { ServerToClientEvents } from '@eduplatform/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { createRedis } from '../queue/redis.js';
import { socketChannel } from './rooms.js';
import { countLiveEvent } from '../metrics/realtime-metrics.js';

/**
 * Sends live events from a worker to whichever api replica holds the sockets, through Redis.
 * Called only after a read model committed, so a client that refetches sees at least what was pushed.
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEmitter.name);
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = createRedis(config);
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: socketChannel(config) });
  }

  emit<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    try {
      this.emitter.to(room).emit(event, ...payload);
      countLiveEvent(event);
    } catch (error) {
      // A lost push is recovered by the client's refetch on reconnect; it must not fail the projection.
      this.logger.warn(`live push ${event} to ${room} failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
