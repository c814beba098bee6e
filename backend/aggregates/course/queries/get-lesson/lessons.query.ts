import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../../../src/platform/platform.module.js';
import type { LessonView } from '../../course.views.js';

/** A lesson as served, with the course facts its access rule needs and its neighbours in course order. */
export interface LessonRow extends LessonView {
  is_free: boolean;
  status: string;
  teacher_id: string;
  prev_lesson_id: string | null;
  next_lesson_id: string | null;
}

/** Lessons with their content, from the course service's own tables (the read models hold no lesson bodies). */
@Injectable()
export class LessonsQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /**
   * The lesson, its course's facts and its neighbours in course order; undefined for an unknown lesson. (Modules
   * are matched on the course too, so the planner reads the course's few modules by index and hashes them,
   * rather than looking one up per lesson.)
   */
  async byId(id: string): Promise<LessonRow | undefined> {
    const { rows } = await this.pool.query<LessonRow>({
      name: 'lesson-with-neighbours',
      text: `WITH ordered AS (
         SELECT l.id, lag(l.id) OVER w AS prev_lesson_id, lead(l.id) OVER w AS next_lesson_id
           FROM course.lessons l JOIN course.modules m ON m.id = l.module_id AND m.course_id = l.course_id
          WHERE l.course_id = (SELECT course_id FROM course.lessons WHERE id = $1)
         WINDOW w AS (ORDER BY m.position, m.created_at, m.id, l.position, l.created_at, l.id))
       SELECT l.id, l.module_id, l.course_id, l.title, l.content, l.video_url, l.duration_minutes,
              l.position AS "order", l.is_preview, c.is_free, c.status, c.teacher_id, o.prev_lesson_id, o.next_lesson_id
         FROM course.lessons l
         JOIN course.courses c ON c.id = l.course_id
         JOIN ordered o ON o.id = l.id
        WHERE l.id = $1`,
      values: [id],
    });
    return rows[0];
  }
}
