import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../queue/redis.js';
import { OUTBOX_SCHEMAS, type OutboxSchema } from './outbox-schemas.js';

/** The Redis channel on which committed outbox writes are announced, one message per service schema. */
export const doorbellChannel = (config: Pick<AppConfig, 'REDIS_PREFIX'>): string => `${config.REDIS_PREFIX}:outbox`;

export function isOutboxSchema(value: string): value is OutboxSchema {
  return (OUTBOX_SCHEMAS as readonly string[]).includes(value);
}

/**
 * Tells the outbox relay, after a command's statement has committed, that an outbox has new rows, so it
 * relays them now rather than at its next poll. A Redis message and not a Postgres NOTIFY: a transaction
 * that notifies holds one database-wide lock from its commit's start to its end, WAL flush included, so every
 * command committed one after the other (the benchmark saw `Lock:object` waits on every command statement).
 *
 * Only a hint: a ring lost (Redis away, relay reconnecting) costs the relay's poll interval, never an event.
 * Rings of one event-loop turn go out as one message per schema.
 */
@Injectable()
export class OutboxDoorbell {
  private readonly pending = new Set<OutboxSchema>();
  private readonly channel: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.channel = doorbellChannel(config);
  }

  ring(schema: OutboxSchema): void {
    if (this.pending.size === 0) setImmediate(() => this.send());
    this.pending.add(schema);
  }

  private send(): void {
    const schemas = [...this.pending];
    this.pending.clear();
    // While Redis is away a publish would wait in ioredis's offline queue: skip it, the poll covers it.
    if (this.redis.status !== 'ready') return;
    for (const schema of schemas) this.redis.publish(this.channel, schema).catch(() => undefined);
  }
}
