import { error } from '@sveltejs/kit';
import { ApiError, courses, errorMessage, type CourseProgress, type Review } from '$lib/api';
import { progressOrNull } from '$lib/learning';
import { session, SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, depends, parent }) => {
  // The enrollment panel depends on who is logged in.
  depends(SESSION_DEPENDENCY);
  const reviews = courses.reviews(params.id, fetch).then(
    (page): { items: Review[]; total: number } => page,
    () => null,
  );
  let curriculum;
  try {
    // The curriculum answer carries the course card too: one request for both.
    curriculum = await courses.curriculum(params.id, fetch);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, 'This course does not exist (or was removed).');
    error(e instanceof ApiError && e.status >= 400 ? e.status : 502, errorMessage(e));
  }
  await parent();
  let progress: CourseProgress | null = null;
  let progressError: string | null = null;
  if (session.user?.role === 'student') {
    try {
      progress = await progressOrNull(params.id, fetch);
    } catch (e) {
      progressError = errorMessage(e);
    }
  }
  return { course: curriculum.course, curriculum, reviews: await reviews, progress, progressError };
};
