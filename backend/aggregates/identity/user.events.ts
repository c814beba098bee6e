import type { Role } from '../../src/platform/auth/auth-user.js';

export const IdentityEvents = {
  UserRegistered: 'identity.UserRegistered',
  TeacherVerified: 'identity.TeacherVerified',
} as const;

export interface UserSnapshot {
  userId: string;
  email: string;
  name: string;
  role: Role;
  isVerified: boolean;
  createdAt: string;
}
