import type { Role, User } from './api';
import { session } from './session.svelte';

export type Access = { access: 'anonymous' } | { access: 'forbidden' } | { access: 'granted'; user: User };

/** Whether the logged-in user (if any) has `role`. Call after the root layout's load. */
export function access(role: Role): Access {
  const user = session.user;
  if (!user) return { access: 'anonymous' };
  if (user.role !== role) return { access: 'forbidden' };
  return { access: 'granted', user };
}
