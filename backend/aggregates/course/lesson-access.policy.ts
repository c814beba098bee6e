import type { components } from '@eduplatform/contracts/api';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { mayView, ownsOrAdministers } from './course.policies.js';

/** A curriculum module as its read model keeps it and the API lists it (the contract's shape). */
export type ListedModule = components['schemas']['CurriculumModule'];

/** The course facts lesson access depends on (read-model names). */
export interface PaywalledCourse {
  id: string;
  is_free: boolean;
  teacher_id: string;
}

/** Which lessons of a course someone may read: all of them, previews only, or all once enrolled. */
export type LessonAccessLevel = 'every-lesson' | 'previews-only' | 'every-lesson-if-enrolled';

/**
 * The one rule for lesson content (markdown body and video URL): lessons of free courses and preview lessons are
 * public; the other lessons of a paid course are for its enrolled students, its owner and admins.
 */
export function lessonAccessOf(viewer: AuthUser | undefined, course: PaywalledCourse): LessonAccessLevel {
  if (course.is_free) return 'every-lesson';
  if (!viewer) return 'previews-only';
  if (ownsOrAdministers(viewer, course)) return 'every-lesson';
  return viewer.role === 'student' ? 'every-lesson-if-enrolled' : 'previews-only';
}

/** A draft's lessons do not exist for anyone but its owner and admins yet. */
export function assertLessonExistsFor(
  viewer: AuthUser | undefined,
  course: { status: string; teacher_id: string },
): void {
  if (!mayView(viewer, course)) throw new DomainError('lesson-not-found', 'Lesson not found');
}

/** 401 for an anonymous caller, 403 for a signed-in one, unless the lesson is a preview or the whole course is theirs. */
export function assertMayReadLesson(
  viewer: AuthUser | undefined,
  lesson: { is_preview: boolean },
  mayReadWholeCourse: boolean,
): void {
  if (lesson.is_preview || mayReadWholeCourse) return;
  if (!viewer) throw new DomainError('sign-in-to-read', 'Sign in and enroll to read this lesson');
  throw new DomainError('enroll-to-read', 'Enroll in this course to read this lesson');
}

/** The curriculum as someone may see it: titles and durations for all, video URLs only of readable lessons. */
export function curriculumAsSeen(modules: ListedModule[], mayReadWholeCourse: boolean): ListedModule[] {
  if (mayReadWholeCourse) return modules;
  return modules.map((module) => ({
    ...module,
    lessons: module.lessons.map(({ video_url, ...lesson }) => (lesson.is_preview ? { ...lesson, video_url } : lesson)),
  }));
}
