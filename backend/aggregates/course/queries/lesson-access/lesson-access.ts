import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import type { SqlPool } from '../../../../src/platform/database/pg-pool.js';
import { ForbiddenError, UnauthorizedError } from '../../../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../../../src/platform/platform.module.js';
import { isEnrolled } from '../../../enrollment/enrollment-records.js';
import type { CurriculumLesson, CurriculumModule } from '../../course.events.js';

/** The course facts the rule needs. */
export interface PaywalledCourse {
  id: string;
  is_free: boolean;
  teacher_id: string;
}

/** A curriculum lesson as served: paid lessons the caller may not read carry no `video_url`. */
export type CurriculumLessonView = Omit<CurriculumLesson, 'video_url'> & { video_url?: string | null };

/**
 * The one rule for lesson content (markdown body and video URL), used by every route that serves either:
 * lessons of free courses and preview lessons are public; the other lessons of a paid course are for its
 * enrolled students, its owner and admins.
 */
@Injectable()
export class LessonAccess {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /** Whether `user` may read every lesson of `course`, previews or not. */
  async mayReadWholeCourse(user: AuthUser | undefined, course: PaywalledCourse): Promise<boolean> {
    if (course.is_free) return true;
    if (!user) return false;
    if (user.role === 'admin' || user.id === course.teacher_id) return true;
    // Decided from the enrollment records: a student who enrolled a moment ago is never refused.
    return user.role === 'student' && isEnrolled(this.pool, user.id, course.id);
  }

  /** 401 for an anonymous caller, 403 for a signed-in one, unless they may read `lesson`. */
  async assertMayRead(
    user: AuthUser | undefined,
    lesson: { is_preview: boolean },
    course: PaywalledCourse,
  ): Promise<void> {
    if (lesson.is_preview || (await this.mayReadWholeCourse(user, course))) return;
    if (!user) throw new UnauthorizedError('Sign in and enroll to read this lesson');
    throw new ForbiddenError('Enroll in this course to read this lesson');
  }

  /** The curriculum as `user` may see it: titles and durations for all, video URLs only of readable lessons. */
  async curriculumFor(
    user: AuthUser | undefined,
    course: PaywalledCourse,
    modules: CurriculumModule[],
  ): Promise<(Omit<CurriculumModule, 'lessons'> & { lessons: CurriculumLessonView[] })[]> {
    if (await this.mayReadWholeCourse(user, course)) return modules;
    return modules.map((module) => ({
      ...module,
      lessons: module.lessons.map(({ video_url, ...lesson }) =>
        lesson.is_preview ? { ...lesson, video_url } : lesson,
      ),
    }));
  }
}
