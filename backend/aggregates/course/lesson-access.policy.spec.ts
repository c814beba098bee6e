import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { refusalOf } from '../../test/support/decisions.js';
import {
  assertLessonExistsFor,
  assertMayReadLesson,
  curriculumAsSeen,
  lessonAccessOf,
  type ListedModule,
} from './lesson-access.policy.js';

const owner: AuthUser = { id: 't-1', role: 'teacher', isVerified: true };
const otherTeacher: AuthUser = { id: 't-2', role: 'teacher', isVerified: true };
const admin: AuthUser = { id: 'a-1', role: 'admin', isVerified: true };
const student: AuthUser = { id: 's-1', role: 'student', isVerified: true };
const paid = { id: 'c-1', is_free: false, teacher_id: 't-1' };

describe('lesson access policy', () => {
  it('a free course is open to everyone, signed in or not', () => {
    for (const viewer of [undefined, student, otherTeacher]) {
      expect(lessonAccessOf(viewer, { ...paid, is_free: true })).toBe('every-lesson');
    }
  });

  it('a paid course is open to its owner and admins, to students once enrolled, and otherwise only its previews', () => {
    expect(lessonAccessOf(owner, paid)).toBe('every-lesson');
    expect(lessonAccessOf(admin, paid)).toBe('every-lesson');
    expect(lessonAccessOf(student, paid)).toBe('every-lesson-if-enrolled');
    expect(lessonAccessOf(otherTeacher, paid)).toBe('previews-only');
    expect(lessonAccessOf(undefined, paid)).toBe('previews-only');
  });

  it('a lesson that may not be read asks the anonymous to sign in and the signed-in to enroll; previews are open', () => {
    expect(refusalOf(() => assertMayReadLesson(undefined, { is_preview: false }, false))).toBe('sign-in-to-read');
    expect(refusalOf(() => assertMayReadLesson(student, { is_preview: false }, false))).toBe('enroll-to-read');
    expect(() => assertMayReadLesson(undefined, { is_preview: true }, false)).not.toThrow();
    expect(() => assertMayReadLesson(student, { is_preview: false }, true)).not.toThrow();
  });

  it("a draft's lessons exist only for its owner and admins", () => {
    const draft = { status: 'draft', teacher_id: 't-1' };
    expect(refusalOf(() => assertLessonExistsFor(student, draft))).toBe('lesson-not-found');
    expect(refusalOf(() => assertLessonExistsFor(undefined, draft))).toBe('lesson-not-found');
    expect(() => assertLessonExistsFor(owner, draft)).not.toThrow();
    expect(() => assertLessonExistsFor(admin, draft)).not.toThrow();
    expect(() => assertLessonExistsFor(student, { ...draft, status: 'published' })).not.toThrow();
  });

  it('the curriculum shows video URLs of previews only, unless the whole course may be read', () => {
    const lesson = { module_id: 'm-1', title: 'L', duration_minutes: 5, order: 1 };
    const modules: ListedModule[] = [
      {
        id: 'm-1',
        course_id: 'c-1',
        title: 'M',
        order: 1,
        lessons: [
          { ...lesson, id: 'preview', video_url: 'https://v/1', is_preview: true },
          { ...lesson, id: 'paid', video_url: 'https://v/2', is_preview: false },
        ],
      },
    ];
    expect(curriculumAsSeen(modules, true)).toBe(modules);
    const [seen] = curriculumAsSeen(modules, false);
    expect(seen.lessons[0].video_url).toBe('https://v/1');
    expect(seen.lessons[1]).not.toHaveProperty('video_url');
  });
});
