import type { EntityManager } from '@mikro-orm/postgresql';
import type { AggregateRoot } from '../domain/aggregate-root.js';

/** Rows of one table that a command must be the first to write (see `UnitOfWork.insertNew`). */
export interface NewRows {
  table: string;
  rows: Map<string, unknown>[];
}

/**
 * The aggregates one command touches. Everything loaded or added here is saved together with its events, in
 * one statement, when the command returns.
 */
export class UnitOfWork {
  readonly tracked = new Set<AggregateRoot>();
  /** The aggregates this command created (inserted, not updated). */
  readonly created = new Set<AggregateRoot>();
  readonly newRows: NewRows[] = [];

  constructor(readonly em: EntityManager) {}

  /** Registers an aggregate created by this command. */
  add<A extends AggregateRoot>(aggregate: A): A {
    this.em.persist(aggregate);
    this.tracked.add(aggregate);
    this.created.add(aggregate);
    return aggregate;
  }

  /**
   * Rows written with the command's aggregates that no other command may have written first (a claim, e.g.
   * of the events a policy acts on). When one exists already the command is refused like a version conflict
   * and runs again, reading afresh what is taken.
   */
  insertNew(table: string, rows: Map<string, unknown>[]): void {
    if (rows.length > 0) this.newRows.push({ table, rows });
  }

  /** Registers a loaded aggregate so its recorded events reach the outbox. */
  track<A extends AggregateRoot>(aggregate: A): A {
    this.tracked.add(aggregate);
    return aggregate;
  }
}
