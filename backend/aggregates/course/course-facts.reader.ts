import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

/** The facts course commands look up before they run: which course a part belongs to, who is verified. */
@Injectable()
export class CourseFactsReader {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /** The course a module belongs to (404 when the module does not exist). */
  courseOfModule(moduleId: string): Promise<string> {
    return this.courseOf('course.modules', moduleId, new DomainError('module-not-found', 'Module not found'));
  }

  /** The course a lesson belongs to (404 when the lesson does not exist). */
  courseOfLesson(lessonId: string): Promise<string> {
    return this.courseOf('course.lessons', lessonId, new DomainError('lesson-not-found', 'Lesson not found'));
  }

  private async courseOf(table: 'course.modules' | 'course.lessons', id: string, unknown: DomainError) {
    const { rows } = await this.pool.query<{ course_id: string }>(`SELECT course_id FROM ${table} WHERE id = $1`, [id]);
    if (!rows[0]) throw unknown;
    return rows[0].course_id;
  }

  /**
   * Whether the user's account is verified now. The token may predate a teacher's verification, so a token that
   * says "unverified" is checked against the user directory.
   */
  async isVerifiedNow(user: AuthUser): Promise<boolean> {
    if (user.isVerified || user.role !== 'teacher') return user.isVerified;
    const { rows } = await this.pool.query<{ is_verified: boolean }>(
      'SELECT is_verified FROM read.users WHERE id = $1',
      [user.id],
    );
    return rows[0]?.is_verified === true;
  }
}
