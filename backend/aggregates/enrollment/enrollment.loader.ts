import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { Enrollment } from './enrollment.aggregate.js';
import type { EnrollmentStatus } from './enrollment.events.js';

/** The enrollment row as stored, with its completions' columns as parallel arrays (empty when none). */
interface EnrollmentRow {
  id: string;
  student_id: string;
  course_id: string;
  payment_id: string | null;
  status: EnrollmentStatus;
  enrolled_at: Date;
  completed_at: Date | null;
  certificate_id: string | null;
  version: number;
  completion_ids: string[];
  completion_lesson_ids: string[];
  completion_times: Date[];
}

/**
 * Loads one student's enrollment in a course with its completed lessons, the aggregate that enrolling and every
 * lesson completion decide on. One prepared statement; the enrollment row is handed to MikroORM as loaded state
 * (`em.map`: a managed entity, without building and parsing a `findOne` for every command), its earlier
 * completions as plain facts (mapping each as an entity, to be diffed at every flush, was most of what a
 * completion cost the api once a student had done a few dozen lessons).
 */
@Injectable()
export class EnrollmentLoader {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async load(em: EntityManager, studentId: string, courseId: string): Promise<Enrollment | null> {
    const { rows } = await this.pool.query<EnrollmentRow>({
      name: 'enrollment-with-completions',
      text: `SELECT e.id, e.student_id, e.course_id, e.payment_id, e.status, e.enrolled_at, e.completed_at,
                    e.certificate_id, e.version,
                    coalesce(c.ids, '{}') AS completion_ids, coalesce(c.lesson_ids, '{}') AS completion_lesson_ids,
                    coalesce(c.times, '{}') AS completion_times
               FROM enrollment.enrollments e
               LEFT JOIN LATERAL (
                 SELECT array_agg(id ORDER BY completed_at, id) AS ids,
                        array_agg(lesson_id ORDER BY completed_at, id) AS lesson_ids,
                        array_agg(completed_at ORDER BY completed_at, id) AS times
                   FROM enrollment.lesson_completions WHERE enrollment_id = e.id) c ON true
              WHERE e.student_id = $1 AND e.course_id = $2`,
      values: [studentId, courseId],
    });
    const row = rows[0];
    if (!row) return null;
    const { completion_ids: ids, completion_lesson_ids: lessonIds, completion_times: times, ...columns } = row;
    const enrollment = em.map(Enrollment, columns);
    enrollment.completedBefore = ids.map((id, i) => ({ id, lessonId: lessonIds[i], completedAt: times[i] }));
    // Known to hold none of the stored completions: it collects the ones this command adds.
    enrollment.newCompletions.hydrate([]);
    return enrollment;
  }
}
