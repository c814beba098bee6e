import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OptimisticLockError, helper } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../domain/clock.js';
import type { AggregateRoot } from '../domain/aggregate-root.js';
import { UnitOfWork } from './unit-of-work.js';
import { commandConflicts } from '../metrics/metrics.js';
import { countBusinessEvent } from '../metrics/business-metrics.js';

// Each retry reloads fresh state; with N competing processes a command waits for at most N-1 winners per round.
const MAX_ATTEMPTS = 40;

/**
 * Runs commands against aggregates as actors.
 * Inside one process a per-aggregate mailbox runs commands one at a time; across processes the
 * aggregate's version column detects a concurrent write and the command is retried on fresh state.
 * State changes and their events commit in one transaction (the transactional outbox).
 */
@Injectable()
export class AggregateActors {
  private readonly logger = new Logger(AggregateActors.name);
  private readonly mailboxes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly orm: MikroORM,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queues `command` behind earlier commands for the same mailbox key (usually the aggregate id). */
  run<R>(mailboxKey: string, command: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    const previous = this.mailboxes.get(mailboxKey) ?? Promise.resolve();
    const result = previous.then(() => this.withRetry(command));
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.mailboxes.set(mailboxKey, settled);
    void settled.then(() => {
      if (this.mailboxes.get(mailboxKey) === settled) this.mailboxes.delete(mailboxKey);
    });
    return result;
  }

  private async withRetry<R>(command: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(command);
      } catch (error) {
        if (!(error instanceof OptimisticLockError) || attempt >= MAX_ATTEMPTS) throw error;
        commandConflicts.inc();
        this.logger.debug(`version conflict, retrying (attempt ${attempt})`);
        // Jittered backoff so competing processes stop colliding.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt, 10)));
      }
    }
  }

  private attempt<R>(command: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    return this.orm.em.fork().transactional(async (em) => {
      const uow = new UnitOfWork(em);
      const result = await command(uow);
      const versionsBefore = new Map([...uow.tracked].map((aggregate) => [aggregate, aggregate.version]));
      await em.flush();
      for (const aggregate of uow.tracked) {
        const changed = aggregate.hasPendingEvents() && !uow.created.has(aggregate);
        if (changed && aggregate.version === versionsBefore.get(aggregate)) await this.bumpVersion(em, aggregate);
      }
      await this.appendToOutbox(em, uow);
      return result;
    });
  }

  /**
   * A command that changed only an aggregate's children (a lesson completion, a module) leaves the root row as
   * it was, so its version would not catch a concurrent command from another process. Every change moves the
   * root's version: of two such commands, one fails here and is retried on fresh state.
   */
  private async bumpVersion(em: EntityManager, aggregate: AggregateRoot): Promise<void> {
    const meta = helper(aggregate).__meta;
    const table = `${meta.schema ? `${meta.schema}.` : ''}${meta.tableName}`;
    const updated = await em.execute<{ affectedRows: number }>(
      `UPDATE ${table} SET version = version + 1 WHERE id = ? AND version = ?`,
      [aggregate.id, aggregate.version],
      'run',
    );
    if (updated.affectedRows !== 1) throw OptimisticLockError.lockFailed(aggregate);
    aggregate.version += 1;
  }

  /** Every event the command recorded, one statement per service outbox (usually one in all). */
  private async appendToOutbox(em: EntityManager, uow: UnitOfWork): Promise<void> {
    const occurredAt = this.clock.now().toISOString();
    const rowsBySchema = new Map<string, unknown[][]>();
    for (const aggregate of uow.tracked) {
      for (const event of aggregate.pullEvents()) {
        const rows = rowsBySchema.get(aggregate.serviceSchema) ?? [];
        rows.push([
          randomUUID(),
          event.type,
          aggregate.aggregateType,
          aggregate.id,
          aggregate.version,
          JSON.stringify(event.payload),
          occurredAt,
        ]);
        rowsBySchema.set(aggregate.serviceSchema, rows);
        countBusinessEvent(event);
      }
    }
    for (const [schema, rows] of rowsBySchema) {
      await em.execute(
        `INSERT INTO ${schema}.outbox
           (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
        'run',
      );
    }
  }
}
