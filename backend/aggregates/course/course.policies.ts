import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { DomainError } from '../../src/platform/domain/errors.js';

/**
 * Only verified teachers create and manage courses. `verifiedNow` is the account's current verification: a token
 * may predate it.
 */
export function assertMayManageCourses(user: Pick<AuthUser, 'role'>, verifiedNow: boolean): void {
  if (user.role !== 'teacher') throw new DomainError('teachers-only', 'Only teachers can manage courses');
  if (!verifiedNow) throw new DomainError('teacher-not-verified', 'Your teacher account is not verified yet');
}

/** Its owner and admins see a course whatever its state: a draft, its dashboard. */
export function ownsOrAdministers(viewer: AuthUser | undefined, course: { teacher_id: string }): boolean {
  return viewer?.role === 'admin' || viewer?.id === course.teacher_id;
}

/** A draft does not exist yet for anyone but its owner and admins. */
export function mayView(viewer: AuthUser | undefined, course: { status: string; teacher_id: string }): boolean {
  return course.status === 'published' || ownsOrAdministers(viewer, course);
}

export function assertMayWatchDashboard(viewer: AuthUser, course: { teacher_id: string }): void {
  if (!ownsOrAdministers(viewer, course)) {
    throw new DomainError('not-course-owner', 'Only the course owner may see its dashboard');
  }
}

/** A course is changed by its owner only (admins included: they moderate, they do not edit). */
export function assertOwnedBy(course: { teacherId: string }, user: Pick<AuthUser, 'id'>): void {
  if (user.id !== course.teacherId)
    throw new DomainError('not-course-owner', 'Only the course owner may change this course');
}
