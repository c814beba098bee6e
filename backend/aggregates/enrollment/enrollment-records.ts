import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

/**
 * Whether a student is enrolled in a course, from the enrollment records themselves (the write side), not the
 * read model: a student who enrolled a moment ago is never refused because a projection lags. It is one
 * unique-index lookup, as cheap as the read model's.
 */
@Injectable()
export class EnrollmentRecords {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async isEnrolled(studentId: string, courseId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      // Named: prepared once per connection (asked on most paid-lesson and curriculum reads).
      name: 'enrollment-exists',
      text: 'SELECT 1 FROM enrollment.enrollments WHERE student_id = $1 AND course_id = $2',
      values: [studentId, courseId],
    });
    return rowCount === 1;
  }
}
