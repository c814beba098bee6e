/**
 * Seeds the specification's dataset straight into the write side with COPY, then builds every read model.
 *
 *   node seed/seed.ts [--scale 1] [--seed 42] [--reset | --reuse] [--rebuild-concurrency 2] [--timings FILE]
 *
 * At scale 1: 50,000 users (user{i}@example.com / password123; i < 10,000 teachers of whom i < 7,000 verified, the
 * rest students) and admin@eduplatform.com; 100,000 courses (30 % free) with 3–5 modules × 5–10 lessons each;
 * 200,000 enrollments, 50,000 completed payments (one per paid enrollment), 100,000 reviews, and lesson
 * completions (about 12 % of enrollments completed with a certificate, 45 % in progress, the rest not started).
 * `--scale` multiplies every count. The same `--seed` gives the same rows, ids included, on any machine and day
 * (password hashes aside: argon2 salts each run's one hash at random).
 *
 * The write side is loaded as its own history would have left it (versions 1, empty outboxes: a seeded state is not
 * events), in four concurrent COPY streams (the big tables with COPY FREEZE); then every projection in
 * PROJECTION_CLASSES rebuilds its read model with the platform's own rebuildProjection, and VACUUM ANALYZE leaves
 * planner statistics and visibility maps ready. Needs a Postgres superuser (foreign keys are not re-checked per row).
 * Stop the worker of the same database and Redis prefix before `--reset`: events it still holds would re-apply.
 * A finished seed records what it seeded in the database (seeded-dataset.ts); `--reuse` then leaves a database that
 * already holds the dataset asked for as it is.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '#backend/aggregates/identity/password-hashing/password-hasher.js';
import { PROJECTION_CLASSES } from '#backend/src/app/projections.module.js';
import { ensureDatabase, migrate, MIGRATION_SCHEMAS } from '#backend/src/platform/database/migrate.js';
import type { Projection } from '#backend/src/platform/projection/projection.js';
import { rebuildProjection } from '#backend/src/platform/projection/projection-runner.js';
import { makePlan, scaledCounts, type Plan } from './seed-plan.ts';
import { ProgressBoard, type Bar, type StepTiming } from './seed-progress.ts';
import {
  completionsTable,
  coursesTable,
  enrollmentsTable,
  lessonsTable,
  modulesTable,
  paymentsTable,
  reviewsTable,
  SEED_PASSWORD,
  usersTable,
  type TableRows,
} from './seed-rows.ts';
import {
  datasetOf,
  describe,
  differences,
  forgetSeededDataset,
  readSeededDataset,
  recordSeededDataset,
} from './seeded-dataset.ts';

/** Exit status of `--reuse` when the database holds another dataset (ops/bench.sh tells it from a failure). */
const REUSE_REFUSED = 3;
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/eduplatform';
const USAGE = `usage: node seed/seed.ts [options]
  --scale N                 fraction of the specification's dataset (default 1; 0.01 = 1 %)
  --seed N                  random seed: the same seed gives the same rows and ids (default 42)
  --reset                   TRUNCATE every table of every service schema and read.* first
  --reuse                   do nothing when the database already holds this scale and seed, seeded under the same
                            migrations and generator code; fail when it holds another dataset; else seed (as --reset)
  --rebuild-concurrency N   read models rebuilt at once (default 2; 1 = one after another, in PROJECTION_CLASSES
                            order, needed if a rebuild ever reads another read model)
  --timings FILE            also write the per-table timings as JSON
DATABASE_URL selects the database (default ${DEFAULT_DATABASE_URL}); it is created and migrated if needed.`;

interface Options {
  scale: number;
  seed: number;
  reset: boolean;
  reuse: boolean;
  rebuildConcurrency: number;
  timings: string | undefined;
  databaseUrl: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      reset: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      'rebuild-concurrency': { type: 'string', default: '2' },
      timings: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 20)
    throw new Error(`--scale must be in (0, 20], got "${values.scale}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`--seed must be a 32-bit unsigned integer`);
  const rebuildConcurrency = Number(values['rebuild-concurrency']);
  if (!Number.isInteger(rebuildConcurrency) || rebuildConcurrency < 1)
    throw new Error('--rebuild-concurrency must be ≥ 1');
  return {
    scale,
    seed,
    reset: values.reset || values.reuse,
    reuse: values.reuse,
    rebuildConcurrency,
    timings: values.timings,
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  };
}

const board = new ProgressBoard();
const log = (line: string) => board.print(line);
const timings: StepTiming[] = [];

/** Runs `work` under a bar with no known size, recording its time. */
async function step<T>(label: string, work: (bar: Bar) => Promise<T>): Promise<T> {
  const bar = board.bar(label, 0);
  const result = await work(bar);
  timings.push(bar.finish());
  return result;
}

/** Every table the migrations created in the service schemas and read (not the migration bookkeeping). */
async function allTables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1::text[]) AND table_name NOT LIKE 'schema_migrations%'
      ORDER BY table_schema, table_name`,
    [MIGRATION_SCHEMAS.filter((schema) => schema !== 'platform')],
  );
  return rows.map((row) => row.name);
}

const SEEDED_TABLES = [
  'identity.users',
  'course.courses',
  'course.modules',
  'course.lessons',
  'course.reviews',
  'enrollment.enrollments',
  'enrollment.lesson_completions',
  'payment.payments',
];

async function assertEmpty(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    SEEDED_TABLES.map((t) => `SELECT '${t}' AS name WHERE EXISTS (SELECT 1 FROM ${t})`).join(' UNION ALL '),
  );
  if (rows.length > 0)
    throw new Error(`${rows.map((r) => r.name).join(', ')} already hold rows; pass --reset to replace them`);
}

/** Streams a table's rows into COPY in ~256 KiB chunks, ticking its bar; checks the rows the server stored. */
async function copyTable(client: pg.PoolClient, table: TableRows, freeze: boolean): Promise<void> {
  const name = table.target.slice(0, table.target.indexOf(' '));
  const bar = board.bar(name, table.rows);
  function* chunks(): Generator<string> {
    let buffer: string[] = [];
    let size = 0;
    for (const row of table.generate()) {
      buffer.push(row);
      size += row.length;
      if (size >= 256 * 1024) {
        bar.tick(buffer.length);
        yield buffer.join('');
        buffer = [];
        size = 0;
      }
    }
    if (buffer.length > 0) {
      bar.tick(buffer.length);
      yield buffer.join('');
    }
  }
  const copy = client.query(copyFrom(`COPY ${table.target} FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`));
  await pipeline(Readable.from(chunks()), copy);
  if (copy.rowCount !== table.rows)
    throw new Error(`${name}: COPY stored ${copy.rowCount} rows, expected ${table.rows}`);
  timings.push(bar.finish(copy.rowCount));
}

/**
 * Loads tables in one transaction, one after another. Foreign keys are not checked row by row
 * (session_replication_role = replica): the plan makes every reference valid by construction, and it lets a table
 * load concurrently with the tables it references. A table that nothing references (`freeze`) is truncated in the
 * same transaction and loaded with COPY FREEZE: its rows are written frozen and all-visible, so neither hint-bit
 * writes nor a long vacuum follow; that is where the bulk is (lessons, lesson completions).
 */
async function loadTables(pool: pg.Pool, tables: TableRows[], options: { freeze: boolean }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    if (options.freeze)
      await client.query(`TRUNCATE ${tables.map((t) => t.target.slice(0, t.target.indexOf(' '))).join(', ')}`);
    for (const table of tables) await copyTable(client, table, options.freeze);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The read models, constructed without dependencies: a projection's constructor arguments serve its live pushes
 * and queries (all optional), while `rebuild` needs nothing but the SQL client it is given.
 */
function projections(): Projection[] {
  return PROJECTION_CLASSES.map((Cls) => new Cls());
}

/** Runs the tasks at most `limit` at a time, in order of start. */
async function limited(limit: number, tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  const counts = scaledCounts(options.scale);
  const target = new URL(options.databaseUrl);
  log(`seed: scale ${options.scale}, seed ${options.seed}, database ${target.host}${target.pathname}`);

  await ensureDatabase(options.databaseUrl);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: Math.max(4, options.rebuildConcurrency + 1),
    application_name: 'seed',
    // One commit per table family: nothing to gain from waiting on each; big sorts and aggregates in memory.
    options: '-c synchronous_commit=off -c work_mem=64MB -c maintenance_work_mem=256MB',
  });
  pool.on('error', () => undefined);
  try {
    const dataset = datasetOf(options.scale, options.seed);
    if (options.reuse) {
      // Checked before migrating: a migration the seeded data has not seen makes it another dataset.
      const found = await readSeededDataset(pool);
      if (found) {
        const reasons = differences(found, dataset);
        if (reasons.length > 0) {
          console.error(
            `seed: not reused: ${target.pathname.slice(1)} holds another dataset (${reasons.join('; ')}); seed it again with --reset`,
          );
          process.exitCode = REUSE_REFUSED;
          return;
        }
        log(`seed: ${target.pathname.slice(1)} already holds ${describe(found)} (seeded ${found.seededAt}); reused`);
        if (options.timings)
          writeFileSync(options.timings, `${JSON.stringify({ reused: true, ...found, counts }, null, 2)}\n`);
        return;
      }
      log(`seed: nothing seeded recorded in ${target.pathname.slice(1)}; seeding it`);
    }
    await forgetSeededDataset(pool);
    await step('migrations', () => migrate(options.databaseUrl));
    if (options.reset) {
      const tables = await allTables(pool);
      await step('reset (truncate)', async (bar) => {
        await pool.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY`);
        bar.count = tables.length;
      });
    } else {
      await assertEmpty(pool);
    }

    const [plan, passwordHash] = await Promise.all([
      step('plan', async (bar) => {
        const planned: Plan = makePlan(options.seed, counts);
        bar.count = planned.lessons;
        return planned;
      }),
      hashPassword(SEED_PASSWORD),
    ]);
    log(
      `plan: ${counts.users + 1} users, ${counts.courses} courses, ${plan.modules} modules, ${plan.lessons} lessons, ` +
        `${counts.enrollments} enrollments, ${counts.payments} payments, ${counts.reviews} reviews, ${plan.completions} lesson completions`,
    );

    const { rows: role } = await pool.query<{ super: boolean }>(
      'SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user',
    );
    if (!role[0]?.super) throw new Error('seeding needs a Postgres superuser (it loads without row-by-row FK checks)');
    const loadStarted = performance.now();
    // Four streams at once; the biggest tables (lessons, completions) start first, each on its own connection.
    await Promise.all([
      loadTables(pool, [lessonsTable(plan)], { freeze: true }),
      loadTables(pool, [completionsTable(plan)], { freeze: true }),
      loadTables(pool, [coursesTable(plan), modulesTable(plan), reviewsTable(plan)], { freeze: false }),
      loadTables(pool, [enrollmentsTable(plan), usersTable(plan, passwordHash), paymentsTable(plan)], {
        freeze: false,
      }),
    ]);
    timings.push({
      step: 'write side (all COPY, concurrent)',
      rows: 0,
      seconds: Math.round((performance.now() - loadStarted) / 10) / 100,
    });

    const rebuildStarted = performance.now();
    await limited(
      options.rebuildConcurrency,
      projections()
        .filter((projection) => {
          if (!projection.rebuild) log(`read model ${projection.name}: no rebuild (its records are not derived state)`);
          return Boolean(projection.rebuild);
        })
        .map(
          (projection) => () =>
            step(`read model ${projection.name}`, async (bar) => {
              await rebuildProjection(pool, projection);
              // Rows in its tables, for the timings (the count is quick next to the rebuild).
              for (const table of projection.tables ?? []) {
                const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
                bar.count += rows[0].n;
              }
            }),
        ),
    );
    timings.push({
      step: 'read models (all rebuilds)',
      rows: 0,
      seconds: Math.round((performance.now() - rebuildStarted) / 10) / 100,
    });

    // Planner statistics for every table, and the visibility map of everything not loaded frozen (index-only
    // scans); it also resets the insert counters, so autovacuum does not wake up in the middle of a benchmark.
    const tables = await allTables(pool);
    await step('vacuum analyze', async (bar) => {
      await limited(
        2,
        tables.map((table) => async () => {
          await pool.query(`VACUUM (ANALYZE) ${table}`);
          bar.tick();
        }),
      );
    });

    const totalSeconds = Math.round((performance.now() - started) / 10) / 100;
    await recordSeededDataset(pool, dataset, totalSeconds);
    const width = Math.max(...timings.map((t) => t.step.length));
    log('');
    log(`${'step'.padEnd(width)}  ${'rows'.padStart(10)}  ${'seconds'.padStart(8)}`);
    for (const t of timings)
      log(
        `${t.step.padEnd(width)}  ${(t.rows ? t.rows.toLocaleString('en-US') : '').padStart(10)}  ${t.seconds.toFixed(2).padStart(8)}`,
      );
    log(`${'total'.padEnd(width)}  ${''.padStart(10)}  ${totalSeconds.toFixed(2).padStart(8)}`);
    if (options.timings) {
      writeFileSync(
        options.timings,
        `${JSON.stringify({ reused: false, ...dataset, counts, lessons: plan.lessons, modules: plan.modules, completions: plan.completions, steps: timings, total_seconds: totalSeconds }, null, 2)}\n`,
      );
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
