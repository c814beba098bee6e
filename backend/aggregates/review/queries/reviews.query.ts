import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../../src/platform/platform.module.js';

export interface ReviewView {
  id: string;
  student_id: string;
  student_name: string;
  course_id: string;
  rating: number;
  comment: string;
  created_at: string;
  updated_at: string;
}

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
