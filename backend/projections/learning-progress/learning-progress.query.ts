import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { percentage } from '../../aggregates/enrollment/enrollment.decider.js';
import type { EnrollmentStatus } from '../../aggregates/enrollment/enrollment.events.js';

interface ProgressRow {
  course_id: string;
  status: EnrollmentStatus;
  certificate_id: string | null;
  total_lessons: number;
  completed_lesson_ids: string[];
}

interface EnrollmentRow extends ProgressRow {
  id: string;
  student_id: string;
  course_title: string;
  payment_id: string | null;
  enrolled_at: string;
  completed_at: string | null;
}

interface CertificateRow {
  id: string;
  student_name: string;
  course_id: string;
  course_title: string;
  completed_at: string;
}

// Completed lessons count only while they are still in the course; the total is the course's lessons now.
const PROGRESS = `
  (SELECT count(*) FROM read.course_lessons cl WHERE cl.course_id = sc.course_id) AS total_lessons,
  array(SELECT lc.lesson_id FROM read.lesson_completions lc
          JOIN read.course_lessons cl ON cl.lesson_id = lc.lesson_id
         WHERE lc.student_id = sc.student_id AND lc.course_id = sc.course_id
         ORDER BY cl.position) AS completed_lesson_ids`;

function withPercentage<T extends ProgressRow>(row: T) {
  const { completed_lesson_ids, total_lessons, ...rest } = row;
  return {
    ...rest,
    completed_lessons: completed_lesson_ids.length,
    total_lessons,
    percentage: percentage(completed_lesson_ids.length, total_lessons),
    completed_lesson_ids,
  };
}

@Injectable()
export class LearningProgressQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async progress(studentId: string, courseId: string) {
    // Named: prepared once per connection, since planning its subqueries costs more than running them.
    const { rows } = await this.pool.query<ProgressRow>({
      name: 'student-course-progress',
      text: `SELECT sc.course_id, sc.status, sc.certificate_id, ${PROGRESS}
               FROM read.student_courses sc WHERE sc.student_id = $1 AND sc.course_id = $2`,
      values: [studentId, courseId],
    });
    if (rows[0]) return withPercentage(rows[0]);
    // Enrolled a moment ago and not projected yet: the enrollment service's own record answers.
    const enrolled = await this.pool.query<Pick<ProgressRow, 'status' | 'certificate_id'>>(
      'SELECT status, certificate_id FROM enrollment.enrollments WHERE student_id = $1 AND course_id = $2',
      [studentId, courseId],
    );
    if (!enrolled.rows[0]) throw new DomainError('not-enrolled', 'You are not enrolled in this course');
    const total = await this.pool.query<{ n: number }>(
      'SELECT count(*) AS n FROM read.course_lessons WHERE course_id = $1',
      [courseId],
    );
    return withPercentage({
      course_id: courseId,
      status: enrolled.rows[0].status,
      certificate_id: enrolled.rows[0].certificate_id,
      total_lessons: total.rows[0].n,
      completed_lesson_ids: [],
    });
  }

  async enrollmentsOf(studentId: string, limit: number, offset: number) {
    const [page, count] = await Promise.all([
      this.pool.query<EnrollmentRow>(
        `SELECT sc.enrollment_id AS id, sc.student_id, sc.course_id, coalesce(c.title, '') AS course_title, sc.payment_id,
                sc.status, to_json(sc.enrolled_at)#>>'{}' AS enrolled_at, to_json(sc.completed_at)#>>'{}' AS completed_at,
                sc.certificate_id, ${PROGRESS}
           FROM read.student_courses sc LEFT JOIN read.course_cards c ON c.id = sc.course_id
          WHERE sc.student_id = $1 ORDER BY sc.enrolled_at DESC, sc.course_id LIMIT $2 OFFSET $3`,
        [studentId, limit, offset],
      ),
      this.pool.query<{ total: number }>('SELECT count(*) AS total FROM read.student_courses WHERE student_id = $1', [
        studentId,
      ]),
    ]);
    return {
      items: page.rows.map((row) => {
        const { completed_lesson_ids: _ids, ...item } = withPercentage(row);
        return item;
      }),
      total: count.rows[0].total,
    };
  }

  async certificate(id: string) {
    const { rows } = await this.pool.query<CertificateRow>(
      `SELECT sc.certificate_id AS id, coalesce(u.name, '') AS student_name, sc.course_id, coalesce(c.title, '') AS course_title,
              to_json(sc.completed_at)#>>'{}' AS completed_at
         FROM read.student_courses sc
         LEFT JOIN read.users u ON u.id = sc.student_id
         LEFT JOIN read.course_cards c ON c.id = sc.course_id
        WHERE sc.certificate_id = $1`,
      [id],
    );
    if (!rows[0]) throw new DomainError('certificate-not-found', 'Certificate not found');
    return rows[0];
  }

  async enrollmentCount(courseId: string): Promise<{ course_id: string; count: number }> {
    const { rows } = await this.pool.query<{ count: number }>(
      'SELECT enrollment_count AS count FROM read.course_counters WHERE course_id = $1',
      [courseId],
    );
    if (!rows[0]) throw new DomainError('course-not-found', 'Course not found');
    return { course_id: courseId, count: rows[0].count };
  }
}
