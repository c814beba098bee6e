import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/platform/domain/errors.js';
import { User } from './user.aggregate.js';
import { IdentityEvents } from './user.events.js';

const now = new Date('2026-01-01T00:00:00Z');
const register = (role: 'student' | 'teacher' | 'admin') =>
  User.register({ id: 'u-1', email: 'Ada@Example.COM', passwordHash: 'hash', name: 'Ada', role, now });

describe('User aggregate', () => {
  it('when registered, stores the email lower-cased and records the account without its password', () => {
    const user = register('student');
    expect(user.email).toBe('ada@example.com');
    const [event] = user.pullEvents();
    expect(event).toMatchObject({
      type: IdentityEvents.UserRegistered,
      payload: {
        userId: 'u-1',
        email: 'ada@example.com',
        name: 'Ada',
        role: 'student',
        isVerified: true,
        createdAt: now.toISOString(),
      },
    });
  });

  it('starts teachers unverified', () => {
    expect(register('teacher').isVerified).toBe(false);
  });

  it('given an unverified teacher, verification records TeacherVerified with the new state', () => {
    const teacher = register('teacher');
    teacher.pullEvents();
    teacher.verifyAsTeacher();
    expect(teacher.pullEvents()).toMatchObject([
      { type: IdentityEvents.TeacherVerified, payload: { userId: 'u-1', isVerified: true } },
    ]);
  });

  it('refuses to verify a teacher twice, or anyone who is not a teacher', () => {
    const teacher = register('teacher');
    teacher.verifyAsTeacher();
    expect(() => teacher.verifyAsTeacher()).toThrow(ConflictError);
    expect(() => register('student').verifyAsTeacher()).toThrow(ConflictError);
    expect(() => register('admin').verifyAsTeacher()).toThrow(ConflictError);
  });
});
