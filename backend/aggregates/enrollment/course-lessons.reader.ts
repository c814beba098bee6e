import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

/** The mailbox of one student's enrollment in one course: enrolling and completing lessons never interleave. */
export const enrollmentMailbox = (studentId: string, courseId: string) => `enrollment:${studentId}:${courseId}`;

/** What the enrollment service knows of course curricula, read from the curriculum read model. */
@Injectable()
export class CourseLessonsReader {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /**
   * The course a lesson belongs to and that course's lessons as they are now, in course order (one round trip);
   * undefined for an unknown lesson.
   */
  async courseOf(lessonId: string): Promise<{ courseId: string; lessonIds: string[] } | undefined> {
    const { rows } = await this.pool.query<{ course_id: string; lesson_ids: string[] }>({
      name: 'course-and-lessons-of-lesson',
      text: `SELECT o.course_id, array_agg(o.lesson_id ORDER BY o.position) AS lesson_ids
               FROM read.course_lessons l JOIN read.course_lessons o ON o.course_id = l.course_id
              WHERE l.lesson_id = $1
              GROUP BY o.course_id`,
      values: [lessonId],
    });
    return rows[0] && { courseId: rows[0].course_id, lessonIds: rows[0].lesson_ids };
  }
}
