import { redirect } from '@sveltejs/kit';
import { courses } from '$lib/api';
import { orderedLessons, progressOrNull, resumeLesson } from '$lib/learning';
import type { PageLoad } from './$types';

// "Continue" from My learning: straight to the student's next lesson (known only with the browser's session).
export const ssr = false;

export const load: PageLoad = async ({ params, fetch, parent }) => {
  await parent();
  const [curriculum, progress] = await Promise.all([
    courses.curriculum(params.id, fetch),
    progressOrNull(params.id, fetch).catch(() => null),
  ]);
  const next = resumeLesson(orderedLessons(curriculum), progress?.completed_lesson_ids ?? []);
  redirect(307, next ? `/lessons/${next.id}` : `/courses/${params.id}`);
};
