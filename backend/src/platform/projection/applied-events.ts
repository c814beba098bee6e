import pg from 'pg';

/**
 * Records events as applied by a projection, in `read.applied_events`; RETURNING names those not recorded
 * before. Ids go in sorted order, so concurrent claims of overlapping batches lock rows alike. (A policy claims
 * through its command's statement instead: see `claimEvents`.)
 */
export function claimStatement(consumer: string, eventIds: readonly string[]): string {
  return `INSERT INTO read.applied_events (projection, event_id)
     SELECT ${pg.escapeLiteral(consumer)}, unnest(${pg.escapeLiteral(`{${[...eventIds].sort().join(',')}}`)}::uuid[])
     ON CONFLICT DO NOTHING RETURNING event_id`;
}
