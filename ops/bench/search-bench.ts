/**
 * Catalog search benchmark: the platform's full-text search against the spec's original ILIKE query.
 *
 *   node backend/dist/seed/search-bench.js [--courses 100000] [--teachers N] [--runs 30] [--seed 42] [--keep] [--out DIR]
 *                                          [--database edu_search_bench] [--loaders N]
 *
 * Builds a scratch database (--database, default edu_search_bench, on the server of DATABASE_URL) with the real migrations, loads N
 * deterministic courses and their teachers into the catalog read model, then times, for each of the Locust search
 * terms, the platform's own query (CourseCatalogQuery.list) and the ILIKE baseline, interleaved so both see the same
 * machine load. Prints a markdown table and writes it with a JSON copy to bench/results/search-vs-ilike.{md,json}.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CourseCatalogQuery } from '#backend/projections/course-catalog/course-catalog.query.js';
import { createFullTextPool } from '#backend/projections/course-catalog/full-text-pool.js';
import { loadConfig } from '#backend/src/platform/config/config.js';
import { migrate } from '#backend/src/platform/database/migrate.js';
import { createPool } from '#backend/src/platform/database/pg-pool.js';
import {
  courseDescription,
  courseTitle,
  createRng,
  personName,
  pick,
  randomInt,
  randomUuid,
  type Rng,
} from '../../seed/course-text.ts';

/** The search terms of the spec's Locust SearchUser. */
export const SEARCH_TERMS = [
  'python',
  'javascript',
  'machine learning',
  'data science',
  'web',
  'mobile',
  'devops',
  'cloud',
  'security',
  'algorithms',
  'complete',
  'advanced',
  'practical',
  'beginner',
  'professional',
] as const;

const DEFAULT_DATABASE = 'edu_search_bench';
const PAGE_SIZE = 20;
const WARMUP_PASSES = 3;
const COURSE_BATCH = 1_000;
const TEACHER_BATCH = 5_000;
/** created_at values are spread over the three years before this fixed instant, so every run loads the same rows. */
const CREATED_BEFORE = Date.parse('2025-06-01T00:00:00Z');
const THREE_YEARS_MS = 3 * 365 * 24 * 3600 * 1000;

interface Options {
  courses: number;
  teachers: number;
  runs: number;
  seed: number;
  keep: boolean;
  /** The scratch database: dropped and recreated, so two concurrent runs need different names. */
  database: string;
  loaders: number;
  outDir: string;
  serverUrl: string;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** The repository root: the first folder above this file holding migrations/ (works from source and from dist/). */
function repositoryRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'migrations')) && existsSync(path.join(dir, 'backend'))) return dir;
  }
  return process.cwd();
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      courses: { type: 'string' },
      teachers: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      loaders: { type: 'string' },
      out: { type: 'string' },
      database: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'usage: node backend/dist/seed/search-bench.js [--courses 100000] [--teachers courses/20] [--runs 30] [--seed 42]\n' +
        '       [--loaders CPUs] [--out bench/results] [--database edu_search_bench] [--keep]\n' +
        'Uses the Postgres server of DATABASE_URL (default 127.0.0.1:5432); the scratch database is dropped and recreated.',
    );
    process.exit(0);
  }
  const courses = positiveInt('courses', values.courses, 100_000);
  return {
    courses,
    teachers: positiveInt('teachers', values.teachers, Math.max(1, Math.round(courses / 20))),
    runs: positiveInt('runs', values.runs, 30),
    seed: positiveInt('seed', values.seed, 42),
    keep: values.keep,
    database: values.database ?? DEFAULT_DATABASE,
    loaders: positiveInt('loaders', values.loaders, Math.max(2, os.availableParallelism())),
    outDir: path.resolve(values.out ?? path.join(repositoryRoot(), 'bench', 'results')),
    serverUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/eduplatform',
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------------------------
// Loading

interface CourseRows {
  id: string[];
  teacher_id: string[];
  title: string[];
  description: string[];
  is_free: boolean[];
  price: string[];
  duration_minutes: number[];
  level: string[];
  created_at: string[];
  enrollment_count: number[];
  review_count: number[];
  rating_sum: number[];
}

const PRICES = ['9.99', '14.99', '19.99', '24.99', '29.99', '39.99', '49.99', '79.99', '99.99', '149.99', '199.99'];

function courseRows(rng: Rng, first: number, count: number, teacherIds: readonly string[]): CourseRows {
  const rows: CourseRows = {
    id: [],
    teacher_id: [],
    title: [],
    description: [],
    is_free: [],
    price: [],
    duration_minutes: [],
    level: [],
    created_at: [],
    enrollment_count: [],
    review_count: [],
    rating_sum: [],
  };
  for (let i = first; i < first + count; i++) {
    const { title, subject } = courseTitle(rng, i);
    const isFree = rng() < 0.2;
    const levelDraw = rng();
    const enrollments = Math.floor(rng() ** 3 * 5_000);
    const reviews = Math.floor(enrollments * rng() * 0.3);
    rows.id.push(randomUuid(rng));
    rows.teacher_id.push(pick(rng, teacherIds));
    rows.title.push(title);
    rows.description.push(courseDescription(rng, subject));
    rows.is_free.push(isFree);
    rows.price.push(isFree ? '0.00' : pick(rng, PRICES));
    rows.duration_minutes.push(randomInt(rng, 6, 600) * 5);
    rows.level.push(levelDraw < 0.45 ? 'beginner' : levelDraw < 0.8 ? 'intermediate' : 'advanced');
    rows.created_at.push(new Date(CREATED_BEFORE - Math.floor(rng() * THREE_YEARS_MS)).toISOString());
    rows.enrollment_count.push(enrollments);
    rows.review_count.push(reviews);
    rows.rating_sum.push(Math.min(5 * reviews, Math.round(reviews * (3 + 2 * rng()))));
  }
  return rows;
}

const INSERT_COURSES = `
  WITH t AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::numeric[], $7::integer[],
                         $8::text[], $9::timestamptz[], $10::integer[], $11::integer[], $12::integer[])
      AS t(id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at,
           enrollment_count, review_count, rating_sum)),
  cards AS (
    INSERT INTO read.course_cards (id, teacher_id, title, description, is_free, price, duration_minutes, level,
                                   created_at, version, published)
    SELECT id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, 1, true FROM t)
  INSERT INTO read.course_counters (course_id, created_at, enrollment_count, review_count, rating_sum)
  SELECT id, created_at, enrollment_count, review_count, rating_sum FROM t`;

const INSERT_TEACHERS = `
  INSERT INTO read.users (id, email, name, role, is_verified, created_at, version)
  SELECT id, email, name, 'teacher', true, created_at, 1
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS t(id, email, name, created_at)`;

async function loadTeachers(pool: pg.Pool, rng: Rng, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < count; first += TEACHER_BATCH) {
    const batch = { id: [] as string[], email: [] as string[], name: [] as string[], created_at: [] as string[] };
    for (let i = first; i < Math.min(count, first + TEACHER_BATCH); i++) {
      const id = randomUuid(rng);
      ids.push(id);
      batch.id.push(id);
      batch.email.push(`teacher${i}@bench.eduplatform.test`);
      batch.name.push(personName(rng));
      batch.created_at.push(
        new Date(CREATED_BEFORE - THREE_YEARS_MS - Math.floor(rng() * THREE_YEARS_MS)).toISOString(),
      );
    }
    await pool.query(INSERT_TEACHERS, [batch.id, batch.email, batch.name, batch.created_at]);
  }
  return ids;
}

/**
 * Generates the courses in one deterministic sequence, batch by batch, and inserts up to `loaders` batches at once:
 * the server's work per row (two English and two Russian tsvectors, the GIN index) is the cost, so it runs on all cores.
 */
async function loadCourses(pool: pg.Pool, rng: Rng, options: Options, teacherIds: readonly string[]): Promise<void> {
  const started = performance.now();
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  let loaded = 0;
  let reported = 0;
  for (let first = 0; first < options.courses && failure === undefined; first += COURSE_BATCH) {
    const rows = courseRows(rng, first, Math.min(COURSE_BATCH, options.courses - first), teacherIds);
    const insert: Promise<void> = pool
      .query(INSERT_COURSES, [
        rows.id,
        rows.teacher_id,
        rows.title,
        rows.description,
        rows.is_free,
        rows.price,
        rows.duration_minutes,
        rows.level,
        rows.created_at,
        rows.enrollment_count,
        rows.review_count,
        rows.rating_sum,
      ])
      .then(
        () => {
          loaded += rows.id.length;
          if (loaded - reported >= 20_000 || loaded === options.courses) {
            reported = loaded;
            log(`  ${loaded}/${options.courses} courses (${seconds(started)} s)`);
          }
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => inflight.delete(insert));
    inflight.add(insert);
    if (inflight.size >= options.loaders) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  if (failure !== undefined) throw failure;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

/** The spec's original search: a substring match on title or description, newest first, and its total. */
const ILIKE_PAGE = `
  SELECT c.id, c.teacher_id, c.title, c.description, c.is_free, c.price::text AS price, c.duration_minutes, c.level,
         k.avg_rating::float8 AS avg_rating, k.review_count, k.enrollment_count, c.created_at
    FROM read.course_cards c JOIN read.course_counters k ON k.course_id = c.id
   WHERE c.title ILIKE $1 OR c.description ILIKE $1
   ORDER BY c.created_at DESC
   LIMIT ${PAGE_SIZE}`;
const ILIKE_COUNT = 'SELECT count(*) AS total FROM read.course_cards WHERE title ILIKE $1 OR description ILIKE $1';

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Sample {
  ms: number;
  total: number;
}

async function timed(work: () => Promise<number>): Promise<Sample> {
  const start = performance.now();
  const total = await work();
  return { ms: performance.now() - start, total };
}

/** The platform's catalog search exactly as the API serves GET /courses?q=term: a page and the total, concurrently. */
const ftsSearch = (catalog: CourseCatalogQuery, term: string) =>
  timed(async () => (await catalog.list({ q: term, limit: PAGE_SIZE, offset: 0 })).total);

/** The baseline, issued the same way (page and count concurrently on the same pool) so only the SQL differs. */
const ilikeSearch = (pool: pg.Pool, term: string) =>
  timed(async () => {
    const pattern = likePattern(term);
    const [, count] = await Promise.all([
      pool.query(ILIKE_PAGE, [pattern]),
      pool.query<{ total: number }>(ILIKE_COUNT, [pattern]),
    ]);
    return Number(count.rows[0].total);
  });

interface Stats {
  p50: number;
  p95: number;
  max: number;
  matched: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function stats(samples: readonly Sample[], matched: number): Stats {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? 0),
    matched,
  };
}

interface TermResult {
  term: string;
  fts: Stats;
  ilike: Stats;
  /** ILIKE p50 / FTS p50: how many times faster the platform's search is at the median. */
  ratio_p50: number;
}

async function measure(
  pool: pg.Pool,
  fullText: pg.Pool,
  runs: number,
): Promise<{ terms: TermResult[]; overall: TermResult }> {
  const catalog = new CourseCatalogQuery(pool, fullText);
  const fts = new Map<string, Sample[]>(SEARCH_TERMS.map((term) => [term, []]));
  const ilike = new Map<string, Sample[]>(SEARCH_TERMS.map((term) => [term, []]));
  for (let pass = 0; pass < WARMUP_PASSES + runs; pass++) {
    const recording = pass >= WARMUP_PASSES;
    for (const [index, term] of SEARCH_TERMS.entries()) {
      // Alternate which query goes first so neither always runs on the other's warm cache.
      const ftsFirst = (pass + index) % 2 === 0;
      const first = ftsFirst ? await ftsSearch(catalog, term) : await ilikeSearch(pool, term);
      const second = ftsFirst ? await ilikeSearch(pool, term) : await ftsSearch(catalog, term);
      if (recording) {
        fts.get(term)!.push(ftsFirst ? first : second);
        ilike.get(term)!.push(ftsFirst ? second : first);
      }
    }
    if (recording && (pass - WARMUP_PASSES + 1) % 10 === 0) log(`  run ${pass - WARMUP_PASSES + 1}/${runs}`);
  }
  const result = (
    term: string,
    ftsSamples: Sample[],
    ilikeSamples: Sample[],
    ftsMatched: number,
    ilikeMatched: number,
  ) => {
    const a = stats(ftsSamples, ftsMatched);
    const b = stats(ilikeSamples, ilikeMatched);
    return { term, fts: a, ilike: b, ratio_p50: round(b.p50 / a.p50) };
  };
  const terms = SEARCH_TERMS.map((term) => {
    const a = fts.get(term)!;
    const b = ilike.get(term)!;
    return result(term, a, b, a[0].total, b[0].total);
  });
  const overall = result(
    'overall',
    [...fts.values()].flat(),
    [...ilike.values()].flat(),
    terms.reduce((sum, t) => sum + t.fts.matched, 0),
    terms.reduce((sum, t) => sum + t.ilike.matched, 0),
  );
  return { terms, overall };
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

interface Report {
  generated_at: string;
  command: string;
  config: { courses: number; teachers: number; runs: number; seed: number; page_size: number; warmup_passes: number };
  environment: { postgres: string; node: string; cpus: number; platform: string };
  load_seconds: number;
  total_seconds: number;
  method: string;
  terms: TermResult[];
  overall: TermResult;
}

function markdown(report: Report): string {
  const ms = (value: number) => value.toFixed(2);
  const row = (r: TermResult, bold = false) => {
    const cells = [
      r.term,
      ms(r.fts.p50),
      ms(r.fts.p95),
      ms(r.fts.max),
      ms(r.ilike.p50),
      ms(r.ilike.p95),
      ms(r.ilike.max),
      `${r.ratio_p50.toFixed(1)}×`,
      String(r.fts.matched),
      String(r.ilike.matched),
    ];
    return `| ${(bold ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
  };
  return [
    '# Catalog search: platform full-text search vs ILIKE baseline',
    '',
    `- Data: ${report.config.courses.toLocaleString('en-US')} courses by ${report.config.teachers.toLocaleString('en-US')} teachers (seed ${report.config.seed}), loaded in ${report.load_seconds.toFixed(1)} s`,
    `- ${report.config.runs} timed runs per term and query after ${report.config.warmup_passes} warm-up passes; page size ${report.config.page_size}`,
    `- ${report.environment.postgres}; Node ${report.environment.node}; ${report.environment.cpus} CPUs`,
    `- ${report.method}`,
    `- Generated ${report.generated_at} by \`${report.command}\` in ${report.total_seconds.toFixed(1)} s`,
    '',
    "Latencies in ms. FTS = `CourseCatalogQuery.list({ q, limit: 20, offset: 0 })`; ILIKE = `title ILIKE '%q%' OR description ILIKE '%q%' ORDER BY created_at DESC LIMIT 20` plus its `count(*)`.",
    '',
    '| term | FTS p50 | FTS p95 | FTS max | ILIKE p50 | ILIKE p95 | ILIKE max | ILIKE/FTS p50 | FTS matched | ILIKE matched |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.terms.map((r) => row(r)),
    row(report.overall, true),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  const benchUrl = databaseUrl(options.serverUrl, options.database);
  const rng = createRng(options.seed);

  log(
    `search-bench: ${options.courses} courses, ${options.teachers} teachers, ${options.runs} runs, database ${options.database}`,
  );
  await dropDatabase(options.serverUrl, options.database);
  await migrate(benchUrl);
  const config = loadConfig({ DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: String(Math.max(4, options.loaders)) });
  const pool = createPool(config, 'search-bench');
  // The platform's searches run on their own connections, as in the api.
  const fullText = createFullTextPool(config);
  try {
    const loadStarted = performance.now();
    const teacherIds = await loadTeachers(pool, rng, options.teachers);
    log(`  ${options.teachers} teachers (${seconds(loadStarted)} s)`);
    await loadCourses(pool, rng, options, teacherIds);
    // VACUUM sets the visibility map as autovacuum would on a live table, ANALYZE gives the planner statistics.
    await pool.query('VACUUM (ANALYZE) read.users, read.course_cards, read.course_counters');
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log(
      `loaded and analyzed in ${loadSeconds.toFixed(1)} s; measuring ${SEARCH_TERMS.length} terms × ${options.runs} runs`,
    );

    const { terms, overall } = await measure(pool, fullText, options.runs);
    const version = (await pool.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v;
    const report: Report = {
      generated_at: new Date().toISOString(),
      command: ['node', path.relative(process.cwd(), process.argv[1]), ...process.argv.slice(2)].join(' '),
      config: {
        courses: options.courses,
        teachers: options.teachers,
        runs: options.runs,
        seed: options.seed,
        page_size: PAGE_SIZE,
        warmup_passes: WARMUP_PASSES,
      },
      environment: {
        postgres: version,
        node: process.version,
        cpus: os.availableParallelism(),
        platform: `${os.platform()} ${os.arch()}`,
      },
      load_seconds: round(loadSeconds),
      total_seconds: round((performance.now() - started) / 1000),
      method:
        'each sample is wall time of one search (page query and count query issued concurrently on one pool, as the API does); the two searches alternate order per term and run',
      terms,
      overall,
    };
    const md = markdown(report);
    console.log(md);
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(path.join(options.outDir, 'search-vs-ilike.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(options.outDir, 'search-vs-ilike.md'), md);
    log(`wrote ${path.join(options.outDir, 'search-vs-ilike.{md,json}')}`);
  } finally {
    await Promise.all([pool.end(), fullText.end()]);
    if (options.keep) log(`kept database ${options.database}`);
    else await dropDatabase(options.serverUrl, options.database);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
