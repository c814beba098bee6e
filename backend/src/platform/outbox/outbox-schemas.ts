/** The service schemas that own an outbox; the relay drains each of them. */
export const OUTBOX_SCHEMAS = ['identity', 'course', 'enrollment', 'payment', 'notification'] as const;
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

export interface OutboxRow {
  position: number;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  payload: unknown;
  occurred_at: Date;
}
