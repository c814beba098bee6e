import { z } from 'zod';
import { ROLES } from '../../src/platform/auth/auth-user.js';
import { named, timestamp } from '../../src/platform/http/responses.js';
import type { UserState } from './user.decider.js';

/** The public shape of a user (API field names). */
export const userView = named(
  'User',
  z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    is_verified: z.boolean(),
    created_at: timestamp,
  }),
);
export type UserView = z.infer<typeof userView>;

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

export const tokenView = named('Token', z.object({ access_token: z.string(), token_type: z.literal('bearer') }));
export type TokenView = z.infer<typeof tokenView>;
