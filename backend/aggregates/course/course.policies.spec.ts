import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../test/support/decisions.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { assertMayManageCourses, assertMayWatchDashboard, assertOwnedBy, mayView } from './course.policies.js';

describe('course policies', () => {
  it('only verified teachers manage courses', () => {
    expect(() => assertMayManageCourses({ role: 'teacher' }, true)).not.toThrow();
    expect(refusalOf(() => assertMayManageCourses({ role: 'teacher' }, false))).toBe('teacher-not-verified');
    expect(refusalOf(() => assertMayManageCourses({ role: 'student' }, true))).toBe('teachers-only');
    expect(refusalOf(() => assertMayManageCourses({ role: 'admin' }, true))).toBe('teachers-only');
  });

  it('a course is changed by its owner only, admins included', () => {
    expect(() => assertOwnedBy({ teacherId: 't-1' }, { id: 't-1' })).not.toThrow();
    expect(refusalOf(() => assertOwnedBy({ teacherId: 't-1' }, { id: 't-2' }))).toBe('not-course-owner');
  });

  it('a draft, and a dashboard, are for the owner and admins only', () => {
    const owner: AuthUser = { id: 't-1', role: 'teacher', isVerified: true };
    const admin: AuthUser = { id: 'a-1', role: 'admin', isVerified: true };
    const student: AuthUser = { id: 's-1', role: 'student', isVerified: true };
    const draft = { status: 'draft', teacher_id: 't-1' };
    expect([owner, admin, student, undefined].map((viewer) => mayView(viewer, draft))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(mayView(undefined, { ...draft, status: 'published' })).toBe(true);
    expect(() => assertMayWatchDashboard(admin, draft)).not.toThrow();
    expect(refusalOf(() => assertMayWatchDashboard({ ...owner, id: 't-2' }, draft))).toBe('not-course-owner');
  });
});
