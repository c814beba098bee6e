import { ApiError, courses, errorMessage, type Course, type CourseDashboard } from '$lib/api';
import { session, SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// Only the signed-in user's own data: rendered in the browser, where the session is known.
export const ssr = false;

export type DashboardLoad = {
  access: 'anonymous' | 'forbidden' | 'granted';
  course: Course | null;
  dashboard: CourseDashboard | null;
  /** Why there is no dashboard: HTTP status (0: no answer) and reason. */
  failure: { status: number; detail: string } | null;
};

export const load: PageLoad = async ({ params, fetch, depends, parent }): Promise<DashboardLoad> => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const user = session.user;
  if (!user) return { access: 'anonymous', course: null, dashboard: null, failure: null };
  if (user.role !== 'teacher' && user.role !== 'admin') {
    return { access: 'forbidden', course: null, dashboard: null, failure: null };
  }
  const [course, dashboard] = await Promise.allSettled([
    courses.get(params.id, fetch),
    courses.dashboard(params.id, fetch),
  ]);
  const failure =
    dashboard.status === 'rejected'
      ? {
          status: dashboard.reason instanceof ApiError ? dashboard.reason.status : 0,
          detail: errorMessage(dashboard.reason),
        }
      : null;
  return {
    access: 'granted',
    course: course.status === 'fulfilled' ? course.value : null,
    dashboard: dashboard.status === 'fulfilled' ? dashboard.value : null,
    failure,
  };
};
