import { ApiError, courses, errorMessage, type Lesson } from '$lib/api';
import { SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

export type LessonResult =
  { lesson: Lesson; status: 200; detail: null } | { lesson: null; status: number; detail: string };

export const load: PageLoad = async ({ params, fetch, depends, parent }): Promise<LessonResult> => {
  // Who may read a lesson depends on who is logged in.
  depends(SESSION_DEPENDENCY);
  await parent();
  try {
    return { lesson: await courses.lesson(params.id, fetch), status: 200, detail: null };
  } catch (e) {
    return { lesson: null, status: e instanceof ApiError ? e.status : 0, detail: errorMessage(e) };
  }
};
