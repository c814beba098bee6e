import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { SqlPool } from '../../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../../src/platform/platform.module.js';
import { named, pageOf, timestamp } from '../../../src/platform/http/responses.js';

export const reviewView = named(
  'Review',
  z.object({
    id: z.uuid(),
    student_id: z.uuid(),
    student_name: z.string(),
    course_id: z.uuid(),
    rating: z.number().int().min(1).max(5),
    comment: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);
export type ReviewView = z.infer<typeof reviewView>;
export const reviewPage = pageOf(reviewView);

const SELECT_REVIEWS = `
  SELECT r.id, r.student_id, coalesce(u.name, '') AS student_name, r.course_id, r.rating, r.comment,
         to_json(r.created_at)#>>'{}' AS created_at, to_json(r.updated_at)#>>'{}' AS updated_at
    FROM course.reviews r LEFT JOIN read.users u ON u.id = r.student_id`;

/** Reviews are the course service's own data: read straight from its schema, with names from read.users. */
@Injectable()
export class ReviewsQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async ofCourse(courseId: string, limit: number, offset: number): Promise<{ items: ReviewView[]; total: number }> {
    const [page, count] = await Promise.all([
      this.pool.query<ReviewView>(
        `${SELECT_REVIEWS}
          WHERE r.course_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3`,
        [courseId, limit, offset],
      ),
      this.pool.query<{ total: number }>('SELECT count(*) AS total FROM course.reviews WHERE course_id = $1', [
        courseId,
      ]),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }

  async byId(id: string): Promise<ReviewView> {
    const { rows } = await this.pool.query<ReviewView>(`${SELECT_REVIEWS} WHERE r.id = $1`, [id]);
    return rows[0];
  }
}
