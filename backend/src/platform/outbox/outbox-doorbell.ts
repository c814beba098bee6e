import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../queue/redis.js';
import { KeyedThrottle } from './keyed-throttle.js';
import type { OutboxSchema } from './outbox-names.js';

/** The Redis channel on which committed outbox writes are announced, one message per service schema. */
export const doorbellChannel = (config: Pick<AppConfig, 'REDIS_PREFIX'>): string => `${config.REDIS_PREFIX}:outbox`;

/**
 * Tells the outbox relay, after a command's statement has committed, that an outbox has new rows, so it
 * relays them now rather than at its next poll. A Redis message and not a Postgres NOTIFY: a transaction
 * that notifies holds one database-wide lock from its commit's start to its end, WAL flush included, so every
 * command committed one after the other (the benchmark saw `Lock:object` waits on every command statement).
 *
 * Only a hint: a ring lost (Redis away, relay reconnecting) costs the relay's poll interval, never an event.
 * A ring goes out at once when the outbox's last one is old enough, else when it will be: rings in between
 * are one.
 */
@Injectable()
export class OutboxDoorbell {
  private readonly channel: string;
  /**
   * The relay drains an outbox at most every gather window under load, so ringing once per command would only
   * add messages: a ring at most every quarter window per outbox, which delays a quiet outbox little.
   */
  private readonly rings: KeyedThrottle<OutboxSchema>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.channel = doorbellChannel(config);
    this.rings = new KeyedThrottle(config.OUTBOX_RELAY_GATHER_MS / 4, (schema) => this.send(schema));
  }

  ring(schema: OutboxSchema): void {
    this.rings.request(schema);
  }

  private send(schema: OutboxSchema): void {
    // While Redis is away a publish would wait in ioredis's offline queue: skip it, the poll covers it.
    if (this.redis.status !== 'ready') return;
    this.redis.publish(this.channel, schema).catch(() => undefined);
  }
}
