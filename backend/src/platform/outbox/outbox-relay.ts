import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import type { SqlPool } from '../database/pg-pool.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { outboxRelayed } from '../metrics/metrics.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { createRedis } from '../queue/redis.js';
import { doorbellChannel } from './outbox-doorbell.js';
import { KeyedThrottle } from './keyed-throttle.js';
import { isOutboxSchema, OUTBOX_SCHEMAS, type OutboxSchema } from './outbox-names.js';
import { OUTBOX_EVENT_COLUMNS, toDomainEvent, type OutboxRow } from './outbox-schemas.js';

const BATCH_SIZE = 500;
const POLL_INTERVAL_MS = 1_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;
const RETENTION = '7 days';

/**
 * Moves committed events from every service outbox to the projections and policies that follow them, through
 * the dispatch queue: the fast path. Woken by the outbox doorbell (a Redis message) right after a commit, with a
 * poll as the safety net; under load it claims an outbox at most once per OUTBOX_RELAY_GATHER_MS, so that events
 * travel in batches.
 *
 * Rows are claimed and marked published by one statement (SKIP LOCKED, so several relays share the work),
 * and only then sent to Redis: no transaction waits on Redis. If the send fails the rows are handed back;
 * if even that fails (or the process dies in between, or Redis later loses the jobs), the reconciler sends
 * them again, because the outbox and `read.applied_events` in Postgres, not Redis, say what was applied.
 * A row that cannot be read as an event is quarantined (set aside with its reason) and the rest flows on.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private doorbell?: Redis;
  private timers: NodeJS.Timeout[] = [];
  private readonly draining = new Map<OutboxSchema, Promise<void>>();
  private readonly drainAgain = new Set<OutboxSchema>();
  /** Starts each outbox's drains, at most one per gather window. */
  private readonly drains: KeyedThrottle<OutboxSchema>;
  private stopped = false;
  private stopping?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly pool: SqlPool,
    private readonly queues: ProjectionQueues,
    /** event type → names of the projections and policies that follow it */
    private readonly routes: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const schema of OUTBOX_SCHEMAS) outboxRelayed.inc({ schema }, 0);
    this.drains = new KeyedThrottle(config.OUTBOX_RELAY_GATHER_MS, (schema) => this.startDrain(schema));
  }

  async start(): Promise<void> {
    this.listen();
    this.timers.push(setInterval(() => OUTBOX_SCHEMAS.forEach((s) => this.schedule(s)), POLL_INTERVAL_MS));
    this.timers.push(setInterval(() => void this.prune(), PRUNE_INTERVAL_MS));
    OUTBOX_SCHEMAS.forEach((s) => this.schedule(s));
  }

  /** Stops relaying; safe to call again (shutdown hooks and tests may both stop it). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      this.timers.forEach(clearInterval);
      this.drains.cancel();
      await Promise.allSettled(this.draining.values());
      this.doorbell?.disconnect();
    })();
    return this.stopping;
  }

  /** Resolves once every event committed before the call has been enqueued (used by tests and tools). */
  async flush(): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) {
      await this.draining.get(schema)?.catch(() => undefined);
      await this.drain(schema);
    }
  }

  /**
   * Subscribes to the doorbell on a connection of its own (ioredis resubscribes after a reconnect); each
   * time the subscription is (re)established every outbox is drained, since rings sent meanwhile were lost.
   */
  private listen(): void {
    const channel = doorbellChannel(this.config);
    this.doorbell = createRedis(this.config);
    this.doorbell.on('message', (from: string, schema: string) => {
      if (from === channel && isOutboxSchema(schema)) this.schedule(schema);
    });
    this.doorbell.on('ready', () => OUTBOX_SCHEMAS.forEach((s) => this.schedule(s)));
    this.doorbell.subscribe(channel).catch((error: Error) => {
      this.logger.warn(`outbox doorbell subscription failed (${error.message}); relaying by polling`);
    });
  }

  private schedule(schema: OutboxSchema): void {
    if (this.stopped) return;
    if (this.draining.has(schema)) this.drainAgain.add(schema);
    else this.drains.request(schema);
  }

  /** Runs one drain of the outbox, and another after it when the outbox rang meanwhile. */
  private startDrain(schema: OutboxSchema): void {
    if (this.stopped) return;
    const run = this.drain(schema)
      .catch((error: Error) => this.logger.warn(`relay of ${schema} outbox failed: ${error.message}`))
      .finally(() => {
        this.draining.delete(schema);
        if (this.drainAgain.delete(schema)) this.schedule(schema);
      });
    this.draining.set(schema, run);
  }

  private async drain(schema: OutboxSchema): Promise<void> {
    while (!this.stopped) {
      const { rows } = await this.pool.query<OutboxRow>({
        name: `claim-${schema}-outbox`,
        text: `UPDATE ${schema}.outbox SET published_at = now()
                WHERE position IN (SELECT position FROM ${schema}.outbox
                                    WHERE published_at IS NULL AND quarantined_at IS NULL
                                    ORDER BY position LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
                RETURNING ${OUTBOX_EVENT_COLUMNS}`,
      });
      if (rows.length === 0) return;
      rows.sort((a, b) => a.position - b.position);
      const events: DomainEvent[] = [];
      for (const row of rows) {
        try {
          events.push(toDomainEvent(row));
        } catch (error) {
          await this.quarantine(schema, row, (error as Error).message);
        }
      }
      try {
        await this.enqueue(events, `${schema}-${rows[0].position}-${rows.at(-1)!.position}`);
      } catch (error) {
        // Redis is unavailable: hand the rows back for the next drain (the reconciler covers a failure here).
        await this.pool
          .query(`UPDATE ${schema}.outbox SET published_at = NULL WHERE position = ANY($1::bigint[])`, [
            rows.map((r) => r.position),
          ])
          .catch(() => undefined);
        throw error;
      }
      outboxRelayed.inc({ schema }, events.length);
      if (rows.length < BATCH_SIZE) return;
    }
  }

  /**
   * Adds the events that any projection or policy follows to the dispatch queue, one job for all of them.
   * `batchId` names the batch: the same batch sent twice is one job while the first is still queued.
   */
  async enqueue(events: readonly DomainEvent[], batchId: string): Promise<void> {
    const followed = events.filter((event) => this.routes.has(event.type));
    if (followed.length > 0) await this.queues.addDispatch(followed, batchId);
  }

  private async quarantine(schema: OutboxSchema, row: OutboxRow, reason: string): Promise<void> {
    this.logger.error(`quarantined ${schema}.outbox row ${row.position} (${row.event_type}): ${reason}`);
    await this.pool.query(
      `UPDATE ${schema}.outbox SET published_at = NULL, quarantined_at = now(), quarantine_reason = $2
        WHERE position = $1`,
      [row.position, reason],
    );
  }

  /** Published events and checkpoints older than the retention window are no longer needed for redelivery. */
  private async prune(): Promise<void> {
    try {
      for (const schema of OUTBOX_SCHEMAS) {
        await this.pool.query(`DELETE FROM ${schema}.outbox WHERE published_at < now() - interval '${RETENTION}'`);
      }
      await this.pool.query(`DELETE FROM read.applied_events WHERE applied_at < now() - interval '${RETENTION}'`);
    } catch (error) {
      this.logger.error(`outbox pruning failed: ${(error as Error).message}`);
    }
  }
}
