import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ensureDatabase, migrate } from '../src/platform/database/migrate.js';
import { adminUrl, testDatabaseUrl } from './support/databases.js';

const name = `edu_test_race_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
});

describe('first start of several processes at once', () => {
  it('creates the database and applies migrations once, whoever wins the race', async () => {
    const url = testDatabaseUrl(name);
    await Promise.all(Array.from({ length: 4 }, () => ensureDatabase(url)));
    await Promise.all(Array.from({ length: 3 }, () => migrate(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM course.schema_migrations');
    await client.end();
    expect(rows[0].n).toBe(readdirSync(new URL('../../migrations/course', import.meta.url)).length);
  });
});
