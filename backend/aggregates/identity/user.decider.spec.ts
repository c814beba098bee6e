import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { refusalOf } from '../../test/support/decisions.js';
import { decideRegister, decideVerifyTeacher, userDecider } from './user.decider.js';
import { IdentityEvents } from './user.events.js';

const now = new Date('2026-01-01T00:00:00Z');
const registered = (role: 'student' | 'teacher' | 'admin') =>
  decideRegister(undefined, { id: 'u-1', email: 'Ada@Example.COM', name: 'Ada', role, now });
const given = (...history: ReturnType<typeof registered>[]) => replay(userDecider, history.flat());

describe('User decider', () => {
  it('when a student registers, then UserRegistered carries the account, email lower-cased, verified', () => {
    expect(registered('student')).toEqual([
      {
        type: IdentityEvents.UserRegistered,
        payload: {
          userId: 'u-1',
          email: 'ada@example.com',
          name: 'Ada',
          role: 'student',
          isVerified: true,
          createdAt: now.toISOString(),
        },
      },
    ]);
  });

  it('given an account with the email, when someone registers with it, then it is refused', () => {
    const facts = { id: 'u-2', email: 'ada@example.com', name: 'Other Ada', role: 'student' as const, now };
    expect(refusalOf(() => decideRegister(given(registered('student')), facts))).toBe('email-taken');
  });

  it('when a teacher registers, then the teacher starts unverified', () => {
    expect(registered('teacher')[0].payload.isVerified).toBe(false);
    expect(given(registered('teacher')).isVerified).toBe(false);
  });

  it('given an unverified teacher, when verified, then TeacherVerified carries the verified account', () => {
    const events = decideVerifyTeacher(given(registered('teacher')));
    expect(events).toEqual([
      { type: IdentityEvents.TeacherVerified, payload: { ...registered('teacher')[0].payload, isVerified: true } },
    ]);
    expect(replay(userDecider, events).isVerified).toBe(true);
  });

  it('given a verified teacher, when verified again, then it is refused as already verified', () => {
    const teacher = given(registered('teacher'));
    const verified = replay(userDecider, decideVerifyTeacher(teacher), teacher);
    expect(refusalOf(() => decideVerifyTeacher(verified))).toBe('already-verified');
  });

  it('given a student or an admin, when verified as a teacher, then it is refused', () => {
    expect(refusalOf(() => decideVerifyTeacher(given(registered('student'))))).toBe('not-a-teacher-account');
    expect(refusalOf(() => decideVerifyTeacher(given(registered('admin'))))).toBe('not-a-teacher-account');
  });
});
