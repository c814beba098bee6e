import { ApiError, courses, errorMessage, type Course, type CurriculumModule } from '$lib/api';
import { access } from '$lib/guard';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// The editor is the owner's, known only in the browser.
export const ssr = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const load: PageLoad = async ({ params, fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('teacher');
  if (a.access !== 'granted') return { ...a, course: null, modules: [] as CurriculumModule[], error: null };
  // A course created a moment ago reaches the read model shortly after: a 404 is retried for a few seconds.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const curriculum = await courses.curriculum(params.id, fetch);
      const course: Course = curriculum.course;
      if (course.teacher_id !== a.user.id)
        return { access: 'forbidden' as const, course: null, modules: [], error: null };
      return { ...a, course, modules: curriculum.modules, error: null };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && attempt < 15) {
        await sleep(200);
        continue;
      }
      return { ...a, course: null, modules: [] as CurriculumModule[], error: errorMessage(e) };
    }
  }
};
