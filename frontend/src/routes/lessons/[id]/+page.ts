import { ApiError, courses, errorMessage, type CourseProgress, type Lesson, type LessonPlace } from '$lib/api';
import { progressOrNull } from '$lib/learning';
import { session, SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { PageLoad } from './$types';

interface Extra {
  /** The course's title, for the breadcrumb (null when it could not be read). */
  courseTitle: string | null;
  /** The student's progress in the lesson's course; null when not a student or not enrolled. */
  progress: CourseProgress | null;
}

export type LessonResult =
  | ({ lesson: Lesson; status: 200; detail: null; place: null } & Extra)
  | ({ lesson: null; status: number; detail: string; place: LessonPlace | null } & Extra);

export const load: PageLoad = async ({ params, fetch, depends, parent }): Promise<LessonResult> => {
  // Who may read a lesson depends on who is logged in.
  depends(SESSION_DEPENDENCY);
  await parent();
  let lesson: Lesson;
  try {
    lesson = await courses.lesson(params.id, fetch);
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    // A lesson that may not be read yet still names its course, to go back to it or enroll.
    const place =
      status === 401 || status === 403 ? await courses.lessonPlace(params.id, fetch).catch(() => null) : null;
    return {
      lesson: null,
      status,
      detail: errorMessage(e),
      place,
      courseTitle: place?.course.title ?? null,
      progress: null,
    };
  }
  const [course, progress] = await Promise.all([
    courses.get(lesson.course_id, fetch).catch(() => null),
    session.user?.role === 'student' ? progressOrNull(lesson.course_id, fetch).catch(() => null) : null,
  ]);
  return { lesson, status: 200, detail: null, place: null, courseTitle: course?.title ?? null, progress };
};
