import { courses, errorMessage, type Course, type DashboardOverview } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// Only the signed-in user's own data: rendered in the browser, where the session is known.
export const ssr = false;

export const load: PageLoad = async ({ fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('teacher');
  if (a.access !== 'granted') {
    return { ...a, courses: [] as Course[], error: null, overview: null as DashboardOverview | null };
  }
  // The overview is optional: any failure (e.g. 404 while the server has no dashboards) shows "unavailable".
  const overview = courses.myDashboard(fetch).catch(() => null);
  try {
    const mine = await courses.mine(fetch);
    return { ...a, courses: mine.items, error: null, overview: await overview };
  } catch (e) {
    return { ...a, courses: [] as Course[], error: errorMessage(e), overview: await overview };
  }
};
