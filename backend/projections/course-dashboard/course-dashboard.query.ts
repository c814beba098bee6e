import { Inject, Injectable } from '@nestjs/common';
import type { CourseStats } from '@eduplatform/contracts';
import { z } from 'zod';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { named } from '../../src/platform/http/responses.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

const ACTIVE_WINDOW = `interval '7 days'`;

/** Stats per course; `extra` adds columns of joined tables. */
const selectStats = (extra = '') => `
  SELECT ${extra} s.course_id, s.enrollment_count, s.completions, s.review_count,
         CASE WHEN s.review_count = 0 THEN 0 ELSE round(s.rating_sum::numeric / s.review_count, 2)::float8 END AS avg_rating,
         s.rating_histogram, s.revenue::text AS revenue,
         (SELECT count(*) FROM read.course_activity a
           WHERE a.course_id = s.course_id AND a.last_active_at > now() - ${ACTIVE_WINDOW}) AS active_learners
    FROM read.course_stats s`;

/** The numbers of a course's dashboard; the `course.stats` push (contracts/) carries them alone. */
const courseStats = named(
  'CourseStats',
  z.object({
    course_id: z.uuid(),
    enrollment_count: z.number().int(),
    active_learners: z.number().int(),
    completions: z.number().int(),
    avg_rating: z.number(),
    review_count: z.number().int(),
    /** Count of 1- to 5-star reviews. */
    rating_histogram: z.array(z.number().int()),
    /** Decimal string, e.g. "1249.50". */
    revenue: z.string(),
  }),
);

export const courseDashboard = named(
  'CourseDashboard',
  courseStats.extend({
    enrollments_per_day: z.array(named('DayCount', z.object({ day: z.iso.date(), count: z.number().int() }))),
    funnel: z.array(
      named(
        'FunnelStep',
        z.object({ lesson_id: z.uuid(), title: z.string(), order: z.number().int(), completed: z.number().int() }),
      ),
    ),
  }),
);
export type CourseDashboard = z.infer<typeof courseDashboard>;

/** Every course of one teacher (newest first) and the totals across them. */
export const dashboardOverview = named(
  'DashboardOverview',
  z.object({
    items: z.array(named('CourseStatsWithTitle', courseStats.extend({ title: z.string() }))),
    totals: z.object({ enrollment_count: z.number().int(), completions: z.number().int(), revenue: z.string() }),
  }),
);

/** The teacher dashboard, read from the course-dashboard read model. */
@Injectable()
export class CourseDashboardQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async stats(courseId: string): Promise<CourseStats | undefined> {
    return (await this.statsOf([courseId]))[0];
  }

  /** The stats of several courses with one query (a projection batch pushes every course it changed). */
  async statsOf(courseIds: readonly string[]): Promise<CourseStats[]> {
    const { rows } = await this.pool.query<CourseStats>({
      name: 'course-stats',
      text: `${selectStats()} WHERE s.course_id = ANY($1::uuid[])`,
      values: [courseIds],
    });
    return rows;
  }

  async dashboard(courseId: string): Promise<CourseDashboard | undefined> {
    const [stats, perDay, funnel] = await Promise.all([
      this.stats(courseId),
      this.pool.query<{ day: string; count: number }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, count FROM read.course_enrollments_daily WHERE course_id = $1 ORDER BY day`,
        [courseId],
      ),
      this.pool.query<{ lesson_id: string; title: string; order: number; completed: number }>(
        `SELECT cl.lesson_id, cl.title, cl.position AS "order", coalesce(f.completed, 0) AS completed
           FROM read.course_lessons cl
           LEFT JOIN read.lesson_funnel f ON f.course_id = cl.course_id AND f.lesson_id = cl.lesson_id
          WHERE cl.course_id = $1 ORDER BY cl.position`,
        [courseId],
      ),
    ]);
    return stats && { ...stats, enrollments_per_day: perDay.rows, funnel: funnel.rows };
  }

  /** Every course of one teacher, with totals. */
  async overview(teacherId: string) {
    const { rows } = await this.pool.query<CourseStats & { title: string }>(
      `${selectStats('c.title,')} JOIN read.course_cards c ON c.id = s.course_id
        WHERE c.teacher_id = $1 ORDER BY c.created_at DESC`,
      [teacherId],
    );
    const totals = rows.reduce(
      (t, r) => ({
        enrollment_count: t.enrollment_count + r.enrollment_count,
        completions: t.completions + r.completions,
        revenue: (Number(t.revenue) + Number(r.revenue)).toFixed(2),
      }),
      { enrollment_count: 0, completions: 0, revenue: '0.00' },
    );
    return { items: rows, totals };
  }
}
