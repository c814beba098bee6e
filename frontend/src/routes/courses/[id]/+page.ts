import { error } from '@sveltejs/kit';
import { ApiError, courses, errorMessage, type Review } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  const reviews = courses.reviews(params.id, fetch).then(
    (page): { items: Review[]; total: number } => page,
    () => null,
  );
  try {
    const [course, curriculum] = await Promise.all([
      courses.get(params.id, fetch),
      courses.curriculum(params.id, fetch),
    ]);
    return { course, curriculum, reviews: await reviews };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, 'This course does not exist (or was removed).');
    error(e instanceof ApiError && e.status >= 400 ? e.status : 502, errorMessage(e));
  }
};
