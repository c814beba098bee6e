/**
 * The service schemas that own an outbox; the relay drains each of them. Apart from the event conversion
 * (outbox-schemas.ts), so the domain can name its outbox without depending on the event catalogue.
 */
export const OUTBOX_SCHEMAS = ['identity', 'course', 'enrollment', 'payment', 'notification'] as const;
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

export function isOutboxSchema(value: string): value is OutboxSchema {
  return (OUTBOX_SCHEMAS as readonly string[]).includes(value);
}
