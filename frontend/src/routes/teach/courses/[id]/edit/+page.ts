import { courses, errorMessage, type Course, type CurriculumModule } from '$lib/api';
import { access } from '$lib/guard';
import { onceProjected } from '$lib/read-after-write';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

// The editor is the owner's, known only in the browser.
export const ssr = false;

export const load: PageLoad = async ({ params, fetch, depends, parent }) => {
  depends(SESSION_DEPENDENCY);
  await parent();
  const a = access('teacher');
  if (a.access !== 'granted') return { ...a, course: null, modules: [] as CurriculumModule[], error: null };
  try {
    // The editor opens on a course created a moment ago.
    const curriculum = await onceProjected(() => courses.curriculum(params.id, fetch));
    const course: Course = curriculum.course;
    if (course.teacher_id !== a.user.id)
      return { access: 'forbidden' as const, course: null, modules: [], error: null };
    return { ...a, course, modules: curriculum.modules, error: null };
  } catch (e) {
    return { ...a, course: null, modules: [] as CurriculumModule[], error: errorMessage(e) };
  }
};
