import type { EntityManager } from '@mikro-orm/postgresql';
import type { AggregateRoot } from '../domain/aggregate-root.js';

/**
 * The aggregates one command touches, inside its transaction.
 * Everything loaded or added here is saved together with its events when the command returns.
 */
export class UnitOfWork {
  readonly tracked = new Set<AggregateRoot>();
  /** The aggregates this command created (inserted, not updated). */
  readonly created = new Set<AggregateRoot>();

  constructor(readonly em: EntityManager) {}

  /** Registers an aggregate created by this command. */
  add<A extends AggregateRoot>(aggregate: A): A {
    this.em.persist(aggregate);
    this.tracked.add(aggregate);
    this.created.add(aggregate);
    return aggregate;
  }

  /** Registers a loaded aggregate so its recorded events reach the outbox. */
  track<A extends AggregateRoot>(aggregate: A): A {
    this.tracked.add(aggregate);
    return aggregate;
  }
}
