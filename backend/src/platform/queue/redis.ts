import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/config.js';

/** The process's shared Redis connection (Nest injection token). */
export const REDIS = Symbol('REDIS');

export interface RedisEndpoint {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: object;
  /** BullMQ workers use blocking commands, which must not be cut short by a retry limit. */
  maxRetriesPerRequest: null;
}

/** Where Redis is, from REDIS_URL; usable both as ioredis options and as a BullMQ connection. */
export function redisEndpoint(config: AppConfig): RedisEndpoint {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createRedis(config: AppConfig, extra: Partial<RedisOptions> = {}): Redis {
  const redis = new Redis({ ...redisEndpoint(config), ...extra });
  // Reconnection is automatic; an unhandled 'error' event would crash the process instead.
  redis.on('error', () => undefined);
  return redis;
}
