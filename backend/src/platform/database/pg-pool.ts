import pg from 'pg';
import type { AppConfig } from '../config/config.js';

// Postgres returns bigint counts and numeric money as strings; counts fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** The injection token of the process's `pg` pool (set-based SQL, read models, command statements). */
export const SQL_POOL = Symbol('SQL_POOL');

export type SqlPool = pg.Pool;
export type SqlClient = pg.PoolClient;

/**
 * A pool of `DATABASE_POOL_SIZE` connections, or of its own size and session settings (`options`: server
 * command-line options, e.g. `-c enable_seqscan=off`, applied once as each connection starts).
 */
export function createPool(
  config: AppConfig,
  applicationName: string,
  { max = config.DATABASE_POOL_SIZE, options }: { max?: number; options?: string } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max,
    options,
    application_name: applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // A client losing its connection (server restart, terminated backend) must never crash the process: idle
  // ones are replaced by the pool, and a checked-out one fails its current query, which the caller handles.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Runs `work` in one transaction on a dedicated client; rolls back and rethrows on error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
