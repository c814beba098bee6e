/**
 * The record a finished seed leaves in the database it filled (`public.seeded_dataset`, one row): which dataset it
 * holds — scale, seed, the migrations it was seeded under and a fingerprint of the code that generates the rows —
 * so that `seed --reuse` (and `npm run bench -- --reuse-data`) can tell whether that data is the one asked for.
 * The row is dropped when a seed starts and written when it has finished, so a half-seeded database claims nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { MIGRATION_SCHEMAS } from '#backend/src/platform/database/migrate.js';

const TABLE = 'public.seeded_dataset';

/** The files whose code decides the seeded rows; an edit to any of them makes earlier seeds a different dataset. */
const GENERATOR_FILES = ['course-text.ts', 'seed-ids.ts', 'seed-plan.ts', 'seed-rows.ts'];

export interface Dataset {
  scale: number;
  seed: number;
  /** `schema/name` of every migration, in the order they apply. */
  migrations: string[];
  /** sha256 of GENERATOR_FILES, first 12 hex digits. */
  generator: string;
}

export interface SeededDataset extends Dataset {
  seededAt: string;
  /** How long that seed took, in seconds. */
  seconds: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The dataset this checkout would seed at `scale` and `seed`. */
export function datasetOf(scale: number, seed: number): Dataset {
  const migrationsRoot = process.env.MIGRATIONS_DIR ?? path.join(here, '..', 'migrations');
  const migrations = MIGRATION_SCHEMAS.flatMap((schema) =>
    readdirSync(path.join(migrationsRoot, schema))
      .filter((file) => /\.(sql|js)$/.test(file))
      .sort()
      .map((file) => `${schema}/${file.replace(/\.(sql|js)$/, '')}`),
  );
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(readFileSync(path.join(here, file)));
  return { scale, seed, migrations, generator: hash.digest('hex').slice(0, 12) };
}

export function describe(dataset: Dataset): string {
  return `scale ${dataset.scale}, seed ${dataset.seed}, ${dataset.migrations.length} migrations, generator ${dataset.generator}`;
}

/** Why `found` is not the dataset `wanted`, one reason per difference; empty when it is. */
export function differences(found: Dataset, wanted: Dataset): string[] {
  const reasons: string[] = [];
  if (found.scale !== wanted.scale) reasons.push(`scale ${found.scale}, not ${wanted.scale}`);
  if (found.seed !== wanted.seed) reasons.push(`seed ${found.seed}, not ${wanted.seed}`);
  const missing = wanted.migrations.filter((m) => !found.migrations.includes(m));
  const extra = found.migrations.filter((m) => !wanted.migrations.includes(m));
  if (missing.length) reasons.push(`seeded without the migrations ${missing.join(', ')}`);
  if (extra.length) reasons.push(`seeded with migrations this checkout does not have: ${extra.join(', ')}`);
  if (found.generator !== wanted.generator)
    reasons.push(`seeded by other generator code (${found.generator}, this checkout's is ${wanted.generator})`);
  return reasons;
}

/** What the database says it holds, or undefined when no seed has finished in it. */
export async function readSeededDataset(pool: pg.Pool): Promise<SeededDataset | undefined> {
  const { rows: exists } = await pool.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [TABLE]);
  if (!exists[0].found) return undefined;
  const { rows } = await pool.query<{
    scale: string;
    seed: string;
    migrations: string[];
    generator: string;
    seeded_at: Date;
    seconds: string;
  }>(`SELECT scale, seed, migrations, generator, seeded_at, seconds FROM ${TABLE}`);
  const row = rows[0];
  if (!row) return undefined;
  return {
    scale: Number(row.scale),
    seed: Number(row.seed),
    migrations: row.migrations,
    generator: row.generator,
    seededAt: row.seeded_at.toISOString(),
    seconds: Number(row.seconds),
  };
}

export async function forgetSeededDataset(pool: pg.Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);
}

export async function recordSeededDataset(pool: pg.Pool, dataset: Dataset, seconds: number): Promise<void> {
  await pool.query(
    `CREATE TABLE ${TABLE} (
       scale numeric NOT NULL, seed bigint NOT NULL, migrations text[] NOT NULL, generator text NOT NULL,
       seeded_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL)`,
  );
  await pool.query(`INSERT INTO ${TABLE} (scale, seed, migrations, generator, seconds) VALUES ($1, $2, $3, $4, $5)`, [
    dataset.scale,
    dataset.seed,
    dataset.migrations,
    dataset.generator,
    seconds,
  ]);
}
