import { Inject, Injectable, Optional } from '@nestjs/common';
import { z } from 'zod';
import { ReadCache, slowerFreshness } from '../../src/platform/cache/read-cache.js';
import { APP_CONFIG, type AppConfig } from '../../src/platform/config/config.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { named, pageOf, timestamp } from '../../src/platform/http/responses.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import type { Course } from '../../aggregates/course/course.aggregate.js';
import { toCourseFields } from '../../aggregates/course/course.views.js';
import { mayView } from '../../aggregates/course/course.policies.js';
import { FULL_TEXT_POOL } from './full-text-pool.js';

export const courseCardView = named(
  'Course',
  z.object({
    id: z.uuid(),
    teacher_id: z.uuid(),
    teacher_name: z.string(),
    title: z.string(),
    description: z.string(),
    is_free: z.boolean(),
    /** Decimal string, e.g. "49.99". */
    price: z.string(),
    duration_minutes: z.number().int(),
    level: z.enum(['beginner', 'intermediate', 'advanced']),
    /** 0 while the course has no reviews. */
    avg_rating: z.number(),
    review_count: z.number().int(),
    enrollment_count: z.number().int(),
    /** Count of 1- to 5-star reviews. */
    rating_histogram: z.array(z.number().int()),
    /** Drafts are seen by their owner and admins only. */
    status: z.enum(['draft', 'published']),
    created_at: timestamp,
  }),
);
export type CourseCardView = z.infer<typeof courseCardView>;
export const coursePage = pageOf(courseCardView);

export interface CatalogFilters {
  q?: string;
  level?: string;
  is_free?: boolean;
  min_rating?: number;
  sort?: 'newest' | 'rating' | 'popular' | 'price';
  limit: number;
  offset: number;
}

/** A card's columns as served, from `CARDS` (a card whose counters' row is missing shows zeros). */
const CARD_COLUMNS = `c.id, c.teacher_id, coalesce(u.name, '') AS teacher_name, c.title, c.description, c.is_free,
  c.price::text AS price, c.duration_minutes, c.level, coalesce(k.avg_rating, 0)::float8 AS avg_rating,
  coalesce(k.review_count, 0) AS review_count, coalesce(k.enrollment_count, 0) AS enrollment_count,
  coalesce(k.rating_histogram, '{0,0,0,0,0}') AS rating_histogram,
  CASE WHEN c.published THEN 'published' ELSE 'draft' END AS status, to_json(c.created_at)#>>'{}' AS created_at`;
/** Cards (`c`) with their live counters (`k`) and teachers (`u`). */
const CARDS = `read.course_cards c LEFT JOIN read.course_counters k ON k.course_id = c.id
  LEFT JOIN read.users u ON u.id = c.teacher_id`;

/** Orders over cards `c` and counters `k`; those naming `k` (COUNTED_SORTS) need the counters joined to cut a page. */
const SORTS: Record<NonNullable<CatalogFilters['sort']>, string> = {
  newest: 'c.created_at DESC, c.id DESC',
  rating: 'k.avg_rating DESC, k.created_at DESC, k.course_id DESC',
  popular: 'k.enrollment_count DESC, k.created_at DESC, k.course_id DESC',
  price: 'c.price ASC, c.created_at DESC, c.id DESC',
};
const COUNTED_SORTS: ReadonlySet<string> = new Set(['rating', 'popular']);
/** A sort as `pageSql` takes it. */
const orderBy = (sort: NonNullable<CatalogFilters['sort']>) => ({
  sql: SORTS[sort],
  byCounters: COUNTED_SORTS.has(sort),
});

/**
 * The cards a page or count is cut from: with the counters joined only when a filter or order needs them, so
 * that searching a broad word does not look up the counters of thousands of matches it never reads. (An inner
 * join, so the popular and rating orders can walk their counters' indexes.)
 */
const cardsFrom = (withCounters: boolean) =>
  withCounters ? 'read.course_cards c JOIN read.course_counters k ON k.course_id = c.id' : 'read.course_cards c';

/**
 * English and Russian stemming of the same words: a query matches word forms in either language. Each word
 * of three letters or more also matches as a prefix (`pyth` → python, `програм` → программирование), so
 * results follow a word while it is being typed.
 */
const searchQuery = (param: string, prefixParam: string) =>
  `(websearch_to_tsquery('english', ${param}) || websearch_to_tsquery('russian', ${param}) ||
    to_tsquery('english', ${prefixParam}) || to_tsquery('russian', ${prefixParam}))`;

/** The query's words as a prefix tsquery: `pyth prog` → `pyth:* & prog:*`; only letters and digits pass. */
export function prefixTsQuery(q: string): string {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => (word.length >= 3 ? `${word}:*` : word)).join(' & ');
}

export type CatalogPage = { items: CourseCardView[]; total: number };

/**
 * The unfiltered newest-first and top-rated lists are what most visitors (and the specification's load
 * clients, at offsets 0–1,000) walk: their first rows are kept as one in-memory snapshot per order, reloaded
 * every CATALOG_SNAPSHOT_MS, so those pages cost no query of their own.
 */
const SNAPSHOT_ROWS = 1_100;
const SNAPSHOT_SORTS = ['newest', 'rating'] as const;
type SnapshotSort = (typeof SNAPSHOT_SORTS)[number];
/**
 * The first SNAPSHOT_ROWS published cards in one order, the same cards by id, and the row versions each card was
 * read at (its row's, its counters' and its teacher's `xmin`: the transaction that wrote that version of the row).
 */
interface ListSnapshot {
  items: CourseCardView[];
  byId: ReadonlyMap<string, CourseCardView>;
  versions: ReadonlyMap<string, string>;
}

/**
 * The WHERE clause of the catalog filters over published courses, its parameters, the search query expression
 * when searching, and whether it filters on a counter (`counters`: then it needs them joined). `matchIn` picks
 * what `q` is matched against: the whole course's words, only its title's words, or near spellings of title words
 * (trigram word similarity).
 */
function matchingCourses(
  filters: Omit<CatalogFilters, 'limit' | 'offset'>,
  matchIn: 'search' | 'title_search' | 'near_title' = 'search',
) {
  const params: unknown[] = [];
  const where: string[] = ['c.published'];
  let q: string | undefined;
  if (filters.q && matchIn === 'near_title') {
    q = `$${params.push(filters.q)}`;
    where.push(`c.title OPERATOR(public.%>) ${q}`);
  } else if (filters.q) {
    q = searchQuery(`$${params.push(filters.q)}`, `$${params.push(prefixTsQuery(filters.q))}`);
    where.push(`c.${matchIn} @@ ${q}`);
  }
  if (filters.level) where.push(`c.level = $${params.push(filters.level)}`);
  if (filters.is_free !== undefined) where.push(`c.is_free = $${params.push(filters.is_free)}`);
  if (filters.min_rating !== undefined) where.push(`k.avg_rating >= $${params.push(filters.min_rating)}`);
  return { whereSql: `WHERE ${where.join(' AND ')}`, params, q, counters: filters.min_rating !== undefined };
}

/**
 * One page of cards: the page's ids are cut first (with the counters joined when the filters or the order need
 * them), so only its rows are read whole and have their teachers' names looked up.
 */
const pageSql = (
  match: { whereSql: string; counters: boolean },
  order: { sql: string; byCounters?: boolean },
  limit: string,
  offset: string,
) => `SELECT ${CARD_COLUMNS}
     FROM (SELECT c.id FROM ${cardsFrom(match.counters || Boolean(order.byCounters))} ${match.whereSql}
            ORDER BY ${order.sql} LIMIT ${limit} OFFSET ${offset}) page
     JOIN read.course_cards c ON c.id = page.id
     LEFT JOIN read.course_counters k ON k.course_id = c.id
     LEFT JOIN read.users u ON u.id = c.teacher_id
    ORDER BY ${order.sql}`;

/** The card, unless it is a draft and the viewer is neither its owner nor an admin (then 404, as if absent). */
export function visibleTo(card: CourseCardView, viewer: AuthUser | undefined): CourseCardView {
  if (!mayView(viewer, card)) throw new DomainError('course-not-found', 'Course not found');
  return card;
}

/**
 * Course cards from the catalog read model. Public list and search pages are served through a short-lived
 * in-process cache (CATALOG_CACHE_MS); commands read uncached.
 */
@Injectable()
export class CourseCatalogQuery {
  private readonly pages: ReadCache<{ items: CourseCardView[] }>;
  private readonly searches: ReadCache<{ items: CourseCardView[] }>;
  private readonly snapshots?: ReadCache<ListSnapshot>;
  private readonly totals: ReadCache<{ total: number }>;
  private readonly nearSpellings: ReadCache<CatalogPage>;
  private readonly cards: ReadCache<CourseCardView>;

  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(FULL_TEXT_POOL) private readonly fullText: SqlPool,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    const freshMs = config?.CATALOG_CACHE_MS ?? 0;
    // Costlier reads follow a slower clock than pages, never a faster one; with the cache off (tests), none caches.
    this.pages = new ReadCache(freshMs);
    // A search page ranks every match of its words (tens of ms for a broad word): one that took longer is reused
    // three thousand times as long as it took (at most a minute), so no word takes more than a three-thousandth
    // of the database's time to keep fresh, on a slow machine or under load as on a fast idle one. The
    // specification's searchers ask a dozen broad words over and over: a thousandth each was a tenth of the
    // database's statement time under its load.
    this.searches = new ReadCache(slowerFreshness(freshMs, config?.CATALOG_SEARCH_CACHE_MS), {
      freshPerLoadMs: 3_000,
      maxFreshMs: 60_000,
    });
    // Without a cache (tests) every page is read as asked.
    this.snapshots = freshMs > 0 ? new ReadCache(slowerFreshness(freshMs, config?.CATALOG_SNAPSHOT_MS)) : undefined;
    // A broad word's count is the costliest query: reused for at least CATALOG_COUNT_CACHE_MS, and a count that
    // took longer for five thousand times as long (a 20 ms count: 100 s; at most five minutes), so counting takes
    // no key more than a five-thousandth of the database's time. A total only labels the pages, and a broad
    // word's moves by a few courses a minute at most.
    this.totals = new ReadCache(slowerFreshness(freshMs, config?.CATALOG_COUNT_CACHE_MS), {
      freshPerLoadMs: 5_000,
      maxFreshMs: 300_000,
    });
    this.nearSpellings = new ReadCache(freshMs);
    this.cards = new ReadCache(freshMs, { maxEntries: 20_000 });
  }

  /**
   * One page of cards; the total is counted once per filter set, whichever page is asked for. A search that
   * matches no words answers with the titles spelled nearly like the query.
   */
  async list(filters: CatalogFilters): Promise<CatalogPage> {
    const { limit: _limit, offset: _offset, ...matching } = filters;
    const [page, count] = await Promise.all([
      this.snapshotPage(filters) ??
        (filters.q ? this.searches : this.pages).get(JSON.stringify(filters), () => this.loadItems(filters)),
      this.totals.get(JSON.stringify(matching), () => this.loadTotal(matching)),
    ]);
    if (filters.q && count.total === 0 && page.items.length === 0) {
      return this.nearSpellings.get(JSON.stringify(filters), () => this.loadNearSpellings(filters));
    }
    // A count a moment older than its page never claims fewer courses than the page shows.
    return { items: page.items, total: Math.max(count.total, filters.offset + page.items.length) };
  }

  /** The page from the list snapshot of its order, when it lies in one; undefined otherwise. */
  private snapshotPage(filters: CatalogFilters): Promise<{ items: CourseCardView[] }> | undefined {
    const sort: SnapshotSort = filters.sort === 'rating' ? 'rating' : 'newest';
    const unfiltered =
      !filters.q && !filters.level && filters.is_free === undefined && filters.min_rating === undefined;
    const inSnapshot = (filters.sort ?? 'newest') === sort && filters.offset + filters.limit <= SNAPSHOT_ROWS;
    if (!this.snapshots || !unfiltered || !inSnapshot) return undefined;
    return this.snapshots
      .get(sort, () => this.reloadSnapshot(sort))
      .then(({ items }) => ({ items: items.slice(filters.offset, filters.offset + filters.limit) }));
  }

  /**
   * Reads which cards the list holds now and the version of each card's rows, then the whole card only for those
   * that are new to the list or were written since the last load: a reload in which one counter moved reads one
   * card, not 1,100, and every unchanged card stays the same object (so its JSON bytes outlive the reload).
   * Any write to a row, counters included, gives it a new `xmin`; a card read a moment after its version was
   * listed is at least that new, and read again at the next reload if it moved meanwhile.
   */
  private async reloadSnapshot(sort: SnapshotSort): Promise<ListSnapshot> {
    const previous = this.snapshots?.peek(sort);
    const listed = await this.rows<{ id: string; version: string }>(
      `SELECT c.id, c.xmin::text || ' ' ||
              coalesce((SELECT n.xmin::text FROM read.course_counters n WHERE n.course_id = c.id), '') || ' ' ||
              coalesce((SELECT u.xmin::text FROM read.users u WHERE u.id = c.teacher_id), '') AS version
         FROM ${cardsFrom(COUNTED_SORTS.has(sort))} WHERE c.published ORDER BY ${SORTS[sort]} LIMIT ${SNAPSHOT_ROWS}`,
      [],
    );
    // The cards whose rows are as the last load read them, as the objects it made.
    const unchanged = new Map<string, CourseCardView>();
    for (const { id, version } of listed) {
      const card = previous?.versions.get(id) === version ? previous.byId.get(id) : undefined;
      if (card) unchanged.set(id, card);
    }
    const changed = listed.filter(({ id }) => !unchanged.has(id)).map(({ id }) => id);
    const read =
      changed.length === 0
        ? []
        : await this.rows<CourseCardView>(`SELECT ${CARD_COLUMNS} FROM ${CARDS} WHERE c.id = ANY($1::uuid[])`, [
            changed,
          ]);
    const fresh = new Map(read.map((card) => [card.id, card]));
    const items: CourseCardView[] = [];
    const versions = new Map<string, string>();
    for (const { id, version } of listed) {
      // A card deleted between the two reads is left out until the next reload.
      const card = unchanged.get(id) ?? fresh.get(id);
      if (!card) continue;
      items.push(card);
      versions.set(id, version);
    }
    return { items, byId: new Map(items.map((card) => [card.id, card])), versions };
  }

  /** The card as a list snapshot already in memory holds it (never loads one); undefined when none does. */
  private listedCard(id: string): CourseCardView | undefined {
    for (const sort of SNAPSHOT_SORTS) {
      const card = this.snapshots?.peek(sort)?.byId.get(id);
      if (card) return card;
    }
    return undefined;
  }

  /** Titles with a word spelled like the query (`pyhton` → Python), closest first. */
  private async loadNearSpellings(filters: CatalogFilters): Promise<CatalogPage> {
    const match = matchingCourses(filters, 'near_title');
    const { params, q } = match;
    const order = { sql: `public.word_similarity(${q}, c.title) DESC, ${SORTS.newest}` };
    const sql = pageSql(match, order, `$${params.push(filters.limit)}`, `$${params.push(filters.offset)}`);
    const [items, [count]] = await Promise.all([
      this.searchRows<CourseCardView>(sql, params),
      this.searchRows<{ total: number }>(
        `SELECT count(*)::int AS total FROM ${cardsFrom(match.counters)} ${match.whereSql}`,
        params.slice(0, -2),
      ),
    ]);
    return { items, total: count.total };
  }

  private async loadItems(filters: CatalogFilters): Promise<{ items: CourseCardView[] }> {
    if (filters.q && !filters.sort) {
      const titleMatches = await this.newestTitleMatches(filters);
      if (titleMatches) return { items: titleMatches };
    }
    const match = matchingCourses(filters);
    const { params, q } = match;
    // With a query and no explicit sort, title matches come first, newest first within each group.
    const order =
      q && !filters.sort
        ? { sql: `(c.title_search @@ ${q}) DESC, ${SORTS.newest}` }
        : orderBy(filters.sort ?? 'newest');
    const sql = pageSql(match, order, `$${params.push(filters.limit)}`, `$${params.push(filters.offset)}`);
    return { items: q ? await this.searchRows(sql, params) : await this.rows(sql, params) };
  }

  /**
   * Title matches rank first, so a page that lies entirely among them is their newest-first slice: found by
   * walking courses newest first and testing the small title vector, without ordering every match of a common
   * word. Undefined when the title matches run out before the page ends.
   */
  private async newestTitleMatches(filters: CatalogFilters): Promise<CourseCardView[] | undefined> {
    const match = matchingCourses(filters, 'title_search');
    const { params } = match;
    const sql = pageSql(match, orderBy('newest'), `$${params.push(filters.offset + filters.limit)}`, '0');
    const rows = await this.rows<CourseCardView>(sql, params);
    return rows.length === filters.offset + filters.limit ? rows.slice(filters.offset) : undefined;
  }

  private async loadTotal(filters: Omit<CatalogFilters, 'limit' | 'offset'>): Promise<{ total: number }> {
    const { whereSql, params, q, counters } = matchingCourses(filters);
    const sql = `SELECT count(*) AS total FROM ${cardsFrom(counters)} ${whereSql}`;
    const [row] = q
      ? await this.searchRows<{ total: number }>(sql, params)
      : await this.rows<{ total: number }>(sql, params);
    return row;
  }

  private async rows<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, values)).rows;
  }

  /** Full-text and near-spelling matches, on the connections set up for them (full-text-pool.ts). */
  private async searchRows<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    return (await this.fullText.query<T>(sql, values)).rows;
  }

  async byTeacher(
    teacherId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: CourseCardView[]; total: number }> {
    const [page, count] = await Promise.all([
      this.pool.query<CourseCardView>(
        `SELECT ${CARD_COLUMNS} FROM ${CARDS}
          WHERE c.teacher_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
        [teacherId, limit, offset],
      ),
      this.pool.query<{ total: number }>('SELECT count(*) AS total FROM read.course_cards WHERE teacher_id = $1', [
        teacherId,
      ]),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }

  /**
   * The public course page's card (cached like list pages); a draft is found by its owner and admins only.
   * A course the lists show is served from their snapshot (as stale as the lists, a few seconds): the courses
   * people open are mostly those they just saw listed, and each of those would otherwise be a query a second.
   */
  async getVisible(id: string, viewer: AuthUser | undefined): Promise<CourseCardView> {
    return visibleTo(this.listedCard(id) ?? (await this.cards.get(id, () => this.get(id))), viewer);
  }

  async get(id: string): Promise<CourseCardView> {
    const { rows } = await this.pool.query<CourseCardView>({
      name: 'course-card',
      text: `SELECT ${CARD_COLUMNS} FROM ${CARDS} WHERE c.id = $1`,
      values: [id],
    });
    if (!rows[0]) throw new DomainError('course-not-found', 'Course not found');
    return rows[0];
  }

  /** A command's answer: the course's authoritative new state, with the counters the read model holds. */
  async present(course: Course): Promise<CourseCardView> {
    const { rows } = await this.pool.query<
      Pick<CourseCardView, 'teacher_name' | 'avg_rating' | 'review_count' | 'enrollment_count' | 'rating_histogram'>
    >(
      `SELECT coalesce((SELECT name FROM read.users WHERE id = $2), '') AS teacher_name,
              coalesce(k.avg_rating::float8, 0) AS avg_rating, coalesce(k.review_count, 0) AS review_count,
              coalesce(k.enrollment_count, 0) AS enrollment_count,
              coalesce(k.rating_histogram, '{0,0,0,0,0}') AS rating_histogram
         FROM (SELECT 1) one LEFT JOIN read.course_counters k ON k.course_id = $1`,
      [course.id, course.teacherId],
    );
    return { ...toCourseFields(course), ...rows[0] };
  }
}
