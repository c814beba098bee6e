import { courses, errorMessage, type Course } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('teacher');
  if (a.access !== 'granted') return { ...a, courses: [] as Course[], error: null };
  try {
    const mine = await courses.mine(fetch);
    return { ...a, courses: mine.items, error: null };
  } catch (e) {
    return { ...a, courses: [] as Course[], error: errorMessage(e) };
  }
};
