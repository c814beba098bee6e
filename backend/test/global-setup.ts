import 'reflect-metadata';
import pg from 'pg';
import { migrate } from '../src/platform/database/migrate.js';
import { TEMPLATE_DATABASE, adminUrl, testDatabaseUrl } from './support/databases.js';

/** Migrates one template database; every spec file clones it into a database of its own. */
export default async function setup(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(testDatabaseUrl(TEMPLATE_DATABASE));
}
