import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '../config/config.js';
import type { SqlPool } from '../database/pg-pool.js';
import { inTransaction } from '../database/pg-pool.js';
import type { DomainEvent } from '../domain/domain-event.js';
import type { ProjectionQueues } from '../queue/projection-queues.js';
import { OUTBOX_SCHEMAS, type OutboxRow, type OutboxSchema } from './outbox-schemas.js';

const BATCH_SIZE = 500;
const POLL_INTERVAL_MS = 1_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;
const RETENTION = '7 days';

export function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: row.aggregate_version,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
  };
}

/**
 * Moves committed events from every service outbox to the queues of the projections that follow them.
 * Woken by NOTIFY right after a commit, with a poll as the safety net. Job id = event id, so an event
 * relayed twice (a crash between enqueue and marking it published) is not enqueued twice.
 * Several relays may run: rows are claimed with SKIP LOCKED.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: pg.Client;
  private timers: NodeJS.Timeout[] = [];
  private readonly draining = new Map<OutboxSchema, Promise<void>>();
  private readonly drainAgain = new Set<OutboxSchema>();
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly pool: SqlPool,
    private readonly queues: ProjectionQueues,
    /** event type → names of the projections that follow it */
    private readonly routes: ReadonlyMap<string, readonly string[]>,
  ) {}

  async start(): Promise<void> {
    this.listener = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'outbox-relay' });
    this.listener.on('error', (error) => this.logger.error(`outbox listener lost: ${error.message}`));
    await this.listener.connect();
    this.listener.on('notification', (message) => {
      const schema = message.payload as OutboxSchema;
      if (OUTBOX_SCHEMAS.includes(schema)) this.schedule(schema);
    });
    await this.listener.query('LISTEN outbox');
    this.timers.push(setInterval(() => OUTBOX_SCHEMAS.forEach((s) => this.schedule(s)), POLL_INTERVAL_MS));
    this.timers.push(setInterval(() => void this.prune(), PRUNE_INTERVAL_MS));
    OUTBOX_SCHEMAS.forEach((s) => this.schedule(s));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await Promise.allSettled(this.draining.values());
    await this.listener?.end().catch(() => undefined);
  }

  /** Resolves once every event committed before the call has been enqueued (used by tests and tools). */
  async flush(): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) {
      await this.draining.get(schema);
      await this.drain(schema);
    }
  }

  private schedule(schema: OutboxSchema): void {
    if (this.stopped) return;
    if (this.draining.has(schema)) {
      this.drainAgain.add(schema);
      return;
    }
    const run = this.drain(schema)
      .catch((error: Error) => this.logger.error(`relay of ${schema} outbox failed: ${error.message}`))
      .finally(() => {
        this.draining.delete(schema);
        if (this.drainAgain.delete(schema)) this.schedule(schema);
      });
    this.draining.set(schema, run);
  }

  private async drain(schema: OutboxSchema): Promise<void> {
    while (!this.stopped) {
      const relayed = await inTransaction(this.pool, async (sql) => {
        const { rows } = await sql.query<OutboxRow>(
          `SELECT position, event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at
             FROM ${schema}.outbox
            WHERE published_at IS NULL
            ORDER BY position
            LIMIT ${BATCH_SIZE}
              FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return 0;
        await this.enqueue(rows.map(toDomainEvent));
        await sql.query(`UPDATE ${schema}.outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
          rows.map((r) => r.position),
        ]);
        return rows.length;
      });
      if (relayed < BATCH_SIZE) return;
    }
  }

  /** Adds each event to the queue of every projection that follows its type. */
  async enqueue(events: readonly DomainEvent[]): Promise<void> {
    const perProjection = new Map<string, DomainEvent[]>();
    for (const event of events) {
      for (const projection of this.routes.get(event.type) ?? []) {
        const list = perProjection.get(projection) ?? [];
        list.push(event);
        perProjection.set(projection, list);
      }
    }
    await Promise.all(
      [...perProjection].map(([projection, list]) =>
        this.queues
          .get(projection)
          .addBulk(list.map((event) => ({ name: event.type, data: event, opts: { jobId: event.id } }))),
      ),
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
