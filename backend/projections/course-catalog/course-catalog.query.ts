import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { NotFoundError } from '../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import type { Course } from '../../aggregates/course/course.aggregate.js';
import { toCourseFields } from '../../aggregates/course/course.views.js';

export interface CourseCardView {
  id: string;
  teacher_id: string;
  teacher_name: string;
  title: string;
  description: string;
  is_free: boolean;
  price: string;
  duration_minutes: number;
  level: string;
  avg_rating: number;
  review_count: number;
  enrollment_count: number;
  /** Count of 1- to 5-star reviews. */
  rating_histogram: number[];
  created_at: string;
}

export interface CatalogFilters {
  q?: string;
  level?: string;
  is_free?: boolean;
  min_rating?: number;
  sort?: 'newest' | 'rating' | 'popular' | 'price';
  limit: number;
  offset: number;
}

const CARD_COLUMNS = `c.id, c.teacher_id, coalesce(u.name, '') AS teacher_name, c.title, c.description, c.is_free,
  c.price::text AS price, c.duration_minutes, c.level, c.avg_rating::float8 AS avg_rating, c.review_count,
  c.enrollment_count, c.rating_histogram, to_json(c.created_at)#>>'{}' AS created_at`;

const SORTS: Record<NonNullable<CatalogFilters['sort']>, string> = {
  newest: 'c.created_at DESC, c.id DESC',
  rating: 'c.avg_rating DESC, c.created_at DESC, c.id DESC',
  popular: 'c.enrollment_count DESC, c.created_at DESC, c.id DESC',
  price: 'c.price ASC, c.created_at DESC, c.id DESC',
};

/** English and Russian stemming of the same words: a query matches word forms in either language. */
const searchQuery = (param: string) =>
  `(websearch_to_tsquery('english', ${param}) || websearch_to_tsquery('russian', ${param}))`;

/** Course cards from the catalog read model. */
@Injectable()
export class CourseCatalogQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async list(filters: CatalogFilters): Promise<{ items: CourseCardView[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const q = filters.q ? searchQuery(`$${params.push(filters.q)}`) : undefined;
    if (q) where.push(`c.search @@ ${q}`);
    if (filters.level) where.push(`c.level = $${params.push(filters.level)}`);
    if (filters.is_free !== undefined) where.push(`c.is_free = $${params.push(filters.is_free)}`);
    if (filters.min_rating !== undefined) where.push(`c.avg_rating >= $${params.push(filters.min_rating)}`);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // With a query and no explicit sort, the best matches (title before description) come first.
    const order =
      q && !filters.sort
        ? `ts_rank_cd(c.search, ${q}) DESC, c.created_at DESC, c.id DESC`
        : SORTS[filters.sort ?? 'newest'];
    const limit = `$${params.push(filters.limit)}`;
    const offset = `$${params.push(filters.offset)}`;
    const [page, count] = await Promise.all([
      this.pool.query<CourseCardView>(
        `SELECT ${CARD_COLUMNS} FROM read.course_cards c LEFT JOIN read.users u ON u.id = c.teacher_id
         ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.pool.query<{ total: number }>(
        `SELECT count(*) AS total FROM read.course_cards c ${whereSql}`,
        params.slice(0, params.length - 2),
      ),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }

  async byTeacher(
    teacherId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: CourseCardView[]; total: number }> {
    const [page, count] = await Promise.all([
      this.pool.query<CourseCardView>(
        `SELECT ${CARD_COLUMNS} FROM read.course_cards c LEFT JOIN read.users u ON u.id = c.teacher_id
         WHERE c.teacher_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
        [teacherId, limit, offset],
      ),
      this.pool.query<{ total: number }>('SELECT count(*) AS total FROM read.course_cards WHERE teacher_id = $1', [
        teacherId,
      ]),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }

  async get(id: string): Promise<CourseCardView> {
    const { rows } = await this.pool.query<CourseCardView>(
      `SELECT ${CARD_COLUMNS} FROM read.course_cards c LEFT JOIN read.users u ON u.id = c.teacher_id WHERE c.id = $1`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Course not found');
    return rows[0];
  }

  /** A command's answer: the course's authoritative new state, with the counters the read model holds. */
  async present(course: Course): Promise<CourseCardView> {
    const { rows } = await this.pool.query<
      Pick<CourseCardView, 'teacher_name' | 'avg_rating' | 'review_count' | 'enrollment_count' | 'rating_histogram'>
    >(
      `SELECT coalesce((SELECT name FROM read.users WHERE id = $2), '') AS teacher_name,
              coalesce(c.avg_rating::float8, 0) AS avg_rating, coalesce(c.review_count, 0) AS review_count,
              coalesce(c.enrollment_count, 0) AS enrollment_count,
              coalesce(c.rating_histogram, '{0,0,0,0,0}') AS rating_histogram
         FROM (SELECT 1) one LEFT JOIN read.course_cards c ON c.id = $1`,
      [course.id, course.teacherId],
    );
    return { ...toCourseFields(course), ...rows[0] };
  }
}
