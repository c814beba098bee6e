import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

/** The mailbox of one student's enrollment in one course: enrolling and completing lessons never interleave. */
export const enrollmentMailbox = (studentId: string, courseId: string) => `enrollment:${studentId}:${courseId}`;

/** What the enrollment service knows of course curricula, read from the curriculum read model. */
@Injectable()
export class CourseLessonsReader {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /** The course a lesson belongs to; undefined for an unknown lesson. */
  async courseOf(lessonId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ course_id: string }>({
      name: 'course-of-lesson',
      text: 'SELECT course_id FROM read.course_lessons WHERE lesson_id = $1',
      values: [lessonId],
    });
    return rows[0]?.course_id;
  }

  /** The course's lessons as they are now, in course order. */
  async current(courseId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ lesson_id: string }>({
      name: 'lessons-of-course',
      text: 'SELECT lesson_id FROM read.course_lessons WHERE course_id = $1 ORDER BY position',
      values: [courseId],
    });
    return rows.map((r) => r.lesson_id);
  }
}
