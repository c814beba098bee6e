import type { Role } from '../../src/platform/auth/auth-user.js';
import type { UserState } from './user.decider.js';

/** The public shape of a user (API field names). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  is_verified: boolean;
  created_at: string;
}

export function toUserView(user: UserState): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    is_verified: user.isVerified,
    created_at: user.createdAt.toISOString(),
  };
}

export interface TokenView {
  access_token: string;
  token_type: 'bearer';
}
