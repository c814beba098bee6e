import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../queue/redis.js';
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
   * The least time between two rings for one outbox: the relay drains an outbox at most every gather window
   * under load, so ringing once per command would only add messages; a quarter of it delays a quiet outbox little.
   */
  private readonly ringIntervalMs: number;
  private readonly lastRing = new Map<OutboxSchema, number>();
  private readonly due = new Set<OutboxSchema>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.channel = doorbellChannel(config);
    this.ringIntervalMs = config.OUTBOX_RELAY_GATHER_MS / 4;
  }

  ring(schema: OutboxSchema): void {
    if (this.due.has(schema)) return;
    this.due.add(schema);
    const wait = (this.lastRing.get(schema) ?? -Infinity) + this.ringIntervalMs - performance.now();
    if (wait > 0) setTimeout(() => this.send(schema), wait).unref();
    else setImmediate(() => this.send(schema));
  }

  private send(schema: OutboxSchema): void {
    this.due.delete(schema);
    this.lastRing.set(schema, performance.now());
    // While Redis is away a publish would wait in ioredis's offline queue: skip it, the poll covers it.
    if (this.redis.status !== 'ready') return;
    this.redis.publish(this.channel, schema).catch(() => undefined);
  }
}
