/** A fact an aggregate recorded; stored in its service's outbox and delivered to projections. */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's version after the command that recorded it: read models ignore older snapshots. */
  aggregateVersion: number;
  occurredAt: string;
  payload: TPayload;
}

/** What an aggregate records before it is saved; ids and versions are stamped at commit. */
export interface RecordedEvent {
  type: string;
  payload: unknown;
  /** Set for state snapshots: one per kind per command (see AggregateRoot.recordSnapshot). */
  snapshotOf?: string;
}
