import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';

/** Schema folders under migrations/, applied in this order; `platform` holds DDL helpers the others call. */
export const MIGRATION_SCHEMAS = [
  'platform',
  'identity',
  'course',
  'enrollment',
  'payment',
  'notification',
  'read',
] as const;

const migrationsRoot =
  process.env.MIGRATIONS_DIR ?? findUpwards(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The repository's migrations/ folder, found from this file whether it runs from source or from dist/. */
function findUpwards(start: string, folder: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, folder);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${folder}/ not found above ${start}; set MIGRATIONS_DIR`);
}

/** Creates the database named in the URL when it does not exist yet (first start on a fresh server). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // Another process (the api and the worker start together) created it first: 42P04, or 23505
        // when both inserts race in the catalog.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Applies every pending SQL migration, schema by schema; a Postgres advisory lock serializes concurrent starters. */
export async function migrate(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  await ensureDatabase(databaseUrl);
  // The runner's own connection is ended without waiting: a server that dropped it a moment later (a restart, a
  // database dropped) would raise an 'error' nobody listens to and end the process. This one is ours: closed
  // before migrate returns, and an error on it while idle is ignored (a query in flight still fails).
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await migrateSchemas(client, log);
  } finally {
    await client.end();
  }
}

async function migrateSchemas(client: pg.Client, log: (line: string) => void): Promise<void> {
  for (const schema of MIGRATION_SCHEMAS) {
    const applied = await runner({
      dbClient: client,
      dir: path.join(migrationsRoot, schema),
      direction: 'up',
      schema,
      createSchema: true,
      migrationsSchema: schema,
      createMigrationsSchema: true,
      migrationsTable: 'schema_migrations',
      checkOrder: true,
      singleTransaction: true,
      advisoryLockMode: 'wait',
      log: () => undefined,
    });
    for (const m of applied) log(`migration applied: ${schema}/${m.name}`);
  }
}
