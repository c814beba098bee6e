import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { EnrollmentRecords } from '../../../enrollment/enrollment-records.js';
import { assertMayReadLesson, lessonAccessOf, type PaywalledCourse } from '../../lesson-access.policy.js';

/** Applies the lesson-access policy for routes that serve lesson content, reading the enrollment fact it needs. */
@Injectable()
export class LessonAccess {
  constructor(private readonly enrollments: EnrollmentRecords) {}

  /** Whether `viewer` may read every lesson of `course`, previews or not. */
  async mayReadWholeCourse(viewer: AuthUser | undefined, course: PaywalledCourse): Promise<boolean> {
    const access = lessonAccessOf(viewer, course);
    if (access !== 'every-lesson-if-enrolled') return access === 'every-lesson';
    // Decided from the enrollment records: a student who enrolled a moment ago is never refused.
    return this.enrollments.isEnrolled(viewer!.id, course.id);
  }

  async assertMayRead(viewer: AuthUser | undefined, lesson: { is_preview: boolean }, course: PaywalledCourse) {
    assertMayReadLesson(viewer, lesson, lesson.is_preview || (await this.mayReadWholeCourse(viewer, course)));
  }
}
