import { enrollment, errorMessage, type MyEnrollment } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// Only the signed-in user's own data: rendered in the browser, where the session is known.
export const ssr = false;

export const load: PageLoad = async ({ fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('student');
  if (a.access !== 'granted') return { access: a.access, items: [] as MyEnrollment[], total: 0, error: null };
  try {
    const page = await enrollment.mine(fetch, { limit: 100 });
    return { access: a.access, items: page.items, total: page.total, error: null };
  } catch (e) {
    return { access: a.access, items: [] as MyEnrollment[], total: 0, error: errorMessage(e) };
  }
};
