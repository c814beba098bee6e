import { errorMessage, identity, type PendingTeacher } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// Only the signed-in user's own data: rendered in the browser, where the session is known.
export const ssr = false;

const PAGE_SIZE = 20;

export const load: PageLoad = async ({ fetch, depends, parent, url }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const q = (url.searchParams.get('q') ?? '').trim();
  const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
  const a = access('admin');
  if (a.access !== 'granted')
    return { ...a, pending: [] as PendingTeacher[], total: 0, q, offset, limit: PAGE_SIZE, error: null };
  try {
    const page = await identity.pendingTeachers(fetch, { limit: PAGE_SIZE, offset, q: q || undefined });
    return { ...a, pending: page.items, total: page.total, q, offset, limit: PAGE_SIZE, error: null };
  } catch (e) {
    return { ...a, pending: [] as PendingTeacher[], total: 0, q, offset, limit: PAGE_SIZE, error: errorMessage(e) };
  }
};
