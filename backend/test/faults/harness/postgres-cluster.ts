import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { migrate } from '../../../src/platform/database/migrate.js';

const VERSION = '15';
// FAULTS_PG_CLUSTER lets two checkouts run the suite at once, each on a cluster of its own.
const NAME = process.env.FAULTS_PG_CLUSTER ?? 'edu_faults';
export const FAULTS_PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5433);
const TEMPLATE = 'faults_template';

function ctl(...args: string[]): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, NAME, ...args], { stdio: 'pipe' });
}

export function databaseUrl(name: string): string {
  return `postgres://postgres@127.0.0.1:${FAULTS_PG_PORT}/${name}`;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitForConnections(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin((c) => c.query('SELECT 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * A Postgres cluster of the fault suite's own (port 5433, trust auth), so restarting it or cutting its
 * connections never touches the shared cluster other engineers use.
 */
export const faultsCluster = {
  async start(): Promise<void> {
    const exists = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .split('\n')
      .some((line) => line.split(/\s+/)[1] === NAME);
    if (!exists)
      execFileSync('pg_createcluster', [VERSION, NAME, '--port', String(FAULTS_PG_PORT), '--', '--auth=trust'], {
        stdio: 'pipe',
      });
    try {
      ctl('start');
    } catch {
      // already running
    }
    await waitForConnections();
    // Leftovers of an earlier run (interrupted or failed) would only fill the disk.
    await admin(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'faults\\_%'",
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    });
    await admin((c) => c.query(`CREATE DATABASE ${TEMPLATE}`));
    await migrate(databaseUrl(TEMPLATE));
  },

  /** A fresh migrated database (a copy of the template) for one scenario. */
  async createDatabase(name: string): Promise<string> {
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
    return databaseUrl(name);
  },

  /** `pg_ctlcluster … restart -m fast`: every connection is cut, the server is back a moment later. */
  async restart(): Promise<void> {
    ctl('restart', '-m', 'fast');
    await waitForConnections();
  },

  /** Terminates the backends whose application_name matches (a LIKE pattern); returns how many. */
  async terminate(applicationName: string, database: string): Promise<number> {
    return admin(async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = $1 AND application_name LIKE $2 AND pid <> pg_backend_pid()`,
        [database, applicationName],
      );
      for (const { pid } of rows) await client.query('SELECT pg_terminate_backend($1)', [pid]);
      return rows.length;
    });
  },

  /** Left stopped, so an idle machine does not keep a second Postgres running. */
  stop(): void {
    try {
      ctl('stop', '-m', 'fast');
    } catch {
      // already stopped
    }
  },
};
