import { Inject, Injectable } from '@nestjs/common';
import { AggregateActors } from '../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../src/platform/domain/clock.js';
import { ForbiddenError, NotFoundError } from '../../src/platform/domain/errors.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { Course } from './course.aggregate.js';

/** Runs a change on one course as its owner: loads the whole aggregate, checks ownership, saves with events. */
@Injectable()
export class CourseActors {
  constructor(
    private readonly actors: AggregateActors,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
  ) {}

  change<R>(courseId: string, owner: AuthUser, change: (course: Course, now: Date) => R): Promise<R> {
    return this.actors.run(courseId, async (uow) => {
      const course = await uow.em.findOne(Course, { id: courseId }, { populate: ['modules', 'modules.lessons'] });
      if (!course) throw new NotFoundError('Course not found');
      course.assertEditableBy(owner);
      const result = change(course, this.clock.now());
      uow.track(course);
      return result;
    });
  }

  /** The course a module belongs to (404 when the module does not exist). */
  async courseOfModule(moduleId: string): Promise<string> {
    const { rows } = await this.pool.query<{ course_id: string }>(
      'SELECT course_id FROM course.modules WHERE id = $1',
      [moduleId],
    );
    if (!rows[0]) throw new NotFoundError('Module not found');
    return rows[0].course_id;
  }

  /** The course a lesson belongs to (404 when the lesson does not exist). */
  async courseOfLesson(lessonId: string): Promise<string> {
    const { rows } = await this.pool.query<{ course_id: string }>(
      'SELECT course_id FROM course.lessons WHERE id = $1',
      [lessonId],
    );
    if (!rows[0]) throw new NotFoundError('Lesson not found');
    return rows[0].course_id;
  }

  /**
   * Teachers act on courses once verified. The token may predate the verification, so a token that
   * says "unverified" is checked against the current account state.
   */
  async assertVerifiedTeacher(user: AuthUser): Promise<void> {
    if (user.role !== 'teacher') throw new ForbiddenError('Only teachers can manage courses');
    if (user.isVerified) return;
    const { rows } = await this.pool.query<{ is_verified: boolean }>(
      'SELECT is_verified FROM read.users WHERE id = $1',
      [user.id],
    );
    if (!rows[0]?.is_verified) throw new ForbiddenError('Your teacher account is not verified yet');
  }
}
