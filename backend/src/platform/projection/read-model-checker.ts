import type { SqlClient, SqlPool } from '../database/pg-pool.js';
import type { Projection } from './projection.js';

export interface ReadModelDifference {
  projection: string;
  table: string;
  /** `stale` rows are in the read model but not in a fresh rebuild; `missing` rows are the other way round. */
  kind: 'stale' | 'missing';
  row: Record<string, unknown>;
}

/**
 * Columns compared: all but `version`, which is bookkeeping (the newest snapshot applied) and after a rebuild
 * holds the aggregate's current version instead.
 */
async function comparedColumns(client: SqlClient, table: string): Promise<string> {
  const [schema, name] = table.split('.');
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 AND column_name <> 'version' ORDER BY ordinal_position`,
    [schema, name],
  );
  return rows.map((r) => `"${r.column_name}"`).join(', ');
}

/**
 * Recomputes every read model from the write side inside a transaction that is rolled back, and lists the
 * rows where the live read model and the recomputation disagree. Meaningful once projections have caught up.
 */
export async function checkReadModels(
  pool: SqlPool,
  projections: readonly Projection[],
  limit = 20,
): Promise<ReadModelDifference[]> {
  const differences: ReadModelDifference[] = [];
  for (const projection of projections) {
    if (!projection.rebuild) continue;
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const snapshots = projection.tables.map((table, i) => ({ table, copy: `live_${i}` }));
      for (const { table, copy } of snapshots)
        await client.query(`CREATE TEMP TABLE ${copy} ON COMMIT DROP AS TABLE ${table}`);
      await projection.rebuild(client);
      for (const { table, copy } of snapshots) {
        const columns = await comparedColumns(client, table);
        for (const [kind, left, right] of [
          ['stale', copy, table],
          ['missing', table, copy],
        ] as const) {
          const { rows } = await client.query(
            `SELECT ${columns} FROM ${left} EXCEPT ALL SELECT ${columns} FROM ${right} LIMIT ${limit}`,
          );
          for (const row of rows) differences.push({ projection: projection.name, table, kind, row });
        }
      }
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
  return differences;
}
