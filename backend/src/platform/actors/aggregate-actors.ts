import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { OptimisticLockError, helper, type ChangeSet } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../domain/clock.js';
import type { AggregateRoot } from '../domain/aggregate-root.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { isTransientConflict } from '../database/connection-errors.js';
import { SQL_POOL, type SqlPool } from '../database/pg-pool.js';
import { UnitOfWork } from './unit-of-work.js';
import { CommandStatement } from './command-statement.js';
import { commandConflicts } from '../metrics/metrics.js';
import { countBusinessEvent } from '../metrics/business-metrics.js';
import { OutboxDoorbell } from '../outbox/outbox-doorbell.js';
import type { OutboxSchema } from '../outbox/outbox-names.js';

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
    @Inject(SQL_POOL) private readonly sql: SqlPool,
    @Inject(CLOCK) private readonly clock: Clock,
    /** Absent in tests that run commands without a relay (it then finds the events at its next poll). */
    @Optional() private readonly doorbell?: OutboxDoorbell,
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

  /**
   * The command reads what it needs (no transaction: nothing waits on Node while it decides), then everything
   * it changed and its events are written by one statement, which fails as a whole when another command moved
   * one of its aggregates on in between (the version guards) — then it runs again on fresh state.
   */
  private async attempt<R>(command: (uow: UnitOfWork) => Promise<R>): Promise<R> {
    const em = this.orm.em.fork();
    const uow = new UnitOfWork(em);
    const result = await command(uow);
    const { statement, updated, events, outboxes } = this.statementFor(em, uow);
    if (!statement.isEmpty) await this.execute(em, statement);
    for (const aggregate of updated) aggregate.version += 1;
    for (const event of events) countBusinessEvent(event);
    for (const schema of outboxes) this.doorbell?.ring(schema);
    return result;
  }

  private statementFor(em: EntityManager, uow: UnitOfWork) {
    const statement = new CommandStatement();
    const work = em.getUnitOfWork();
    work.computeChangeSets();
    // The roots whose version this statement moves (guarded by the version the command read).
    const updated = new Set<AggregateRoot>();
    for (const changeSet of work.getChangeSets() as ChangeSet<object>[]) {
      const root = changeSet.meta.versionProperty ? (changeSet.entity as AggregateRoot) : undefined;
      const guard = root && changeSet.type === 'update' ? { expected: root.version } : undefined;
      statement.addChangeSet(changeSet, guard);
      if (root && guard) updated.add(root);
    }
    for (const aggregate of uow.tracked) {
      // A command that changed only an aggregate's children (a lesson completion, a module) still moves the
      // root's version, so of two such commands from two processes one fails its guard and runs again.
      if (aggregate.hasPendingEvents() && !uow.created.has(aggregate) && !updated.has(aggregate)) {
        statement.bumpVersion(helper(aggregate).__meta, aggregate.id, aggregate.version);
        updated.add(aggregate);
      }
    }
    for (const { table, rows } of uow.newRows) statement.insert(table, rows, { onlyNew: true });
    const { events, outboxes } = this.appendEvents(statement, uow, updated);
    return { statement, updated, events, outboxes };
  }

  /** Every event the command recorded, one outbox insert per service schema (usually one in all). */
  private appendEvents(
    statement: CommandStatement,
    uow: UnitOfWork,
    updated: Set<AggregateRoot>,
  ): { events: DomainEvent[]; outboxes: OutboxSchema[] } {
    const occurredAt = this.clock.now().toISOString();
    const stamped = [...uow.tracked].flatMap((aggregate) =>
      aggregate.pullEvents().map((event) => ({
        schema: aggregate.serviceSchema,
        event: {
          id: randomUUID(),
          type: event.type,
          aggregateType: aggregate.aggregateType,
          aggregateId: aggregate.id,
          // Events carry the version the aggregate has once this statement is written.
          aggregateVersion: updated.has(aggregate) ? aggregate.version + 1 : aggregate.version,
          occurredAt,
          payload: event.payload,
        } satisfies DomainEvent,
      })),
    );
    const perOutbox = Map.groupBy(stamped, (entry) => entry.schema);
    for (const [schema, entries] of perOutbox) {
      statement.insert(
        `${schema}.outbox`,
        entries.map(
          ({ event }) =>
            new Map<string, unknown>([
              ['event_id', event.id],
              ['event_type', event.type],
              ['aggregate_type', event.aggregateType],
              ['aggregate_id', event.aggregateId],
              ['aggregate_version', event.aggregateVersion],
              ['payload', JSON.stringify(event.payload)],
              ['occurred_at', event.occurredAt],
            ]),
        ),
      );
    }
    return { events: stamped.map((entry) => entry.event), outboxes: [...perOutbox.keys()] };
  }

  private async execute(em: EntityManager, statement: CommandStatement): Promise<void> {
    try {
      await this.sql.query(statement.build());
    } catch (error) {
      // A version guard that failed (40001 from platform.expect_rows) or a deadlock: the statement changed
      // nothing, and the command runs again on fresh state.
      if (isTransientConflict(error)) throw OptimisticLockError.lockFailed('aggregate');
      // Constraint violations become MikroORM's typed exceptions (a duplicate enrollment → 409 in its handler).
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('23')) throw em.getDriver().convertException(error as Error);
      throw error;
    }
  }
}
