import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../test/support/decisions.js';
import { assertMayManageCourses, assertOwnedBy } from './course.policies.js';

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
});
