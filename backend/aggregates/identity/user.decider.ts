import type { Role } from '../../src/platform/auth/auth-user.js';
import type { Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import { IdentityEvents, type UserSnapshot } from './user.events.js';

/** A person's account as decisions see it (the password hash never travels in events, so it is not here). */
export interface UserState {
  id: string;
  email: string;
  name: string;
  role: Role;
  isVerified: boolean;
  createdAt: Date;
}

export type UserEvent = DecidedEvent<EventTypeOf<typeof IdentityEvents>>;

const snapshot = (user: UserState): UserSnapshot => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  isVerified: user.isVerified,
  createdAt: user.createdAt.toISOString(),
});

/**
 * Registers an account under an email no account has; teachers start unverified, students need no verification,
 * admins (created only at bootstrap) are trusted.
 */
export function decideRegister(
  accountWithEmail: UserState | undefined,
  facts: { id: string; email: string; name: string; role: Role; now: Date },
): UserEvent[] {
  if (accountWithEmail) throw new DomainError('email-taken', 'This email is already registered');
  const user: UserState = {
    id: facts.id,
    email: facts.email.toLowerCase(),
    name: facts.name,
    role: facts.role,
    isVerified: facts.role !== 'teacher',
    createdAt: facts.now,
  };
  return [{ type: IdentityEvents.UserRegistered, payload: snapshot(user) }];
}

/** An admin verifies a teacher, once. */
export function decideVerifyTeacher(user: UserState): UserEvent[] {
  if (user.role !== 'teacher') throw new DomainError('not-a-teacher-account', 'Only teacher accounts can be verified');
  if (user.isVerified) throw new DomainError('already-verified', 'This teacher is already verified');
  return [{ type: IdentityEvents.TeacherVerified, payload: snapshot({ ...user, isVerified: true }) }];
}

export const userDecider: Decider<UserState, UserEvent> = {
  initial: () => ({ id: '', email: '', name: '', role: 'student', isVerified: false, createdAt: new Date(0) }),
  // Every identity event carries the whole account.
  evolve: (_user, { payload }) => ({
    id: payload.userId,
    email: payload.email,
    name: payload.name,
    role: payload.role,
    isVerified: payload.isVerified,
    createdAt: new Date(payload.createdAt),
  }),
  snapshotOf: () => 'account',
};
