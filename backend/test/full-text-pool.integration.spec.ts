import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.js';
import { createPool, type SqlClient, type SqlPool } from '../src/platform/database/pg-pool.js';
import { createFullTextPool, NEAR_SPELLING_THRESHOLD } from '../projections/course-catalog/full-text-pool.js';
import { createTestDatabase } from './support/databases.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fullText: SqlPool;
let main: SqlPool;
beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_URL: database.url, DATABASE_FULL_TEXT_POOL_SIZE: '2' });
  fullText = createFullTextPool(config);
  main = createPool(config, 'full-text-pool-spec');
});
afterAll(async () => {
  await Promise.all([fullText.end(), main.end()]);
  await database.drop();
});

const setting = async (pool: SqlPool, name: string) =>
  (await pool.query<{ value: string }>('SELECT current_setting($1, true) AS value', [name])).rows[0].value;

describe('the catalog full-text pool (issue #9)', () => {
  it("starts every connection with search's session settings, which the main pool does not have", async () => {
    // Both of the pool's connections at once, so neither answer can come from a connection set up otherwise.
    const clients = await Promise.all([fullText.connect(), fullText.connect()]);
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ seqscan: string }>("SELECT current_setting('enable_seqscan') AS seqscan");
        expect(rows[0].seqscan).toBe('off');
      }
    } finally {
      for (const client of clients) client.release();
    }
    // The trigram threshold is a placeholder until pg_trgm is used in the session; then it is the module's.
    await fullText.query("SELECT public.word_similarity('python', 'pyhton')");
    expect(Number(await setting(fullText, 'pg_trgm.word_similarity_threshold'))).toBe(NEAR_SPELLING_THRESHOLD);
    expect(await setting(main, 'enable_seqscan')).toBe('on');
  });

  it('runs at most its own size of searches at once', async () => {
    const held = await Promise.all([fullText.connect(), fullText.connect()]);
    let third: SqlClient | undefined;
    const waiting = fullText.connect().then((client) => (third = client));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(third).toBeUndefined();
    held[0].release();
    await waiting;
    expect(third).toBeDefined();
    third!.release();
    held[1].release();
  });
});
