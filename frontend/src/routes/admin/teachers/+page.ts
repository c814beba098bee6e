import { errorMessage, identity, type PendingTeacher } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// Only the signed-in user's own data: rendered in the browser, where the session is known.
export const ssr = false;

export const load: PageLoad = async ({ fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('admin');
  if (a.access !== 'granted') return { ...a, pending: [] as PendingTeacher[], total: 0, error: null };
  try {
    const page = await identity.pendingTeachers(fetch);
    return { ...a, pending: page.items, total: page.total, error: null };
  } catch (e) {
    return { ...a, pending: [] as PendingTeacher[], total: 0, error: errorMessage(e) };
  }
};
