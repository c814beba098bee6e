import { percent } from './format';
import { t } from './i18n/i18n.svelte';
import type { ProgressUpdated } from '@eduplatform/contracts';
import { ApiError, enrollment, type CourseProgress, type Curriculum, type LessonSummary } from './api';
import { sleep } from './sleep';

/** The curriculum's lessons in course order (modules by order, then lessons by order). */
export function orderedLessons(curriculum: Pick<Curriculum, 'modules'>): LessonSummary[] {
  return [...curriculum.modules]
    .sort((a, b) => a.order - b.order)
    .flatMap((m) => [...m.lessons].sort((a, b) => a.order - b.order));
}

/** The first lesson not completed yet (or the first lesson when all are). */
export function resumeLesson(lessons: LessonSummary[], completedIds: readonly string[]): LessonSummary | undefined {
  return lessons.find((l) => !completedIds.includes(l.id)) ?? lessons[0];
}

export function statusLabel(status: CourseProgress['status']): string {
  return t(`status.${status}`);
}

/** Whole percentages everywhere, so that two views of one progress never disagree ("33%" and "33.3%"). */
export function percentLabel(p: number): string {
  return percent(Number.isFinite(p) ? Math.max(0, Math.min(100, p)) : 0);
}

/** A completed lesson as both the completion answer and the `progress.updated` push tell it. */
export type LessonDone = Omit<ProgressUpdated, 'course_id'>;

/** Applies a completed lesson to a progress: its new counts, the lesson, and the certificate once there is one. */
export function withCompletion(progress: CourseProgress, done: LessonDone): CourseProgress {
  const ids = progress.completed_lesson_ids.includes(done.lesson_id)
    ? progress.completed_lesson_ids
    : [...progress.completed_lesson_ids, done.lesson_id];
  return {
    ...progress,
    completed_lessons: done.completed_lessons,
    total_lessons: done.total_lessons,
    percentage: done.percentage,
    status: done.status,
    certificate_id: done.certificate_id ?? progress.certificate_id,
    completed_lesson_ids: ids,
  };
}

/** The student's progress in a course, or null when they are not enrolled (403). */
export async function progressOrNull(courseId: string, f?: typeof fetch): Promise<CourseProgress | null> {
  try {
    return await enrollment.progress(courseId, f);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
    throw e;
  }
}

/**
 * Progress right after enrolling: the read model may not have the enrollment yet (403),
 * so this retries briefly and otherwise answers an empty progress.
 */
export async function progressAfterEnrolling(courseId: string, totalLessons: number): Promise<CourseProgress> {
  for (let i = 0; i < 5; i++) {
    const p = await progressOrNull(courseId).catch(() => null);
    if (p) return p;
    await sleep(250 * (i + 1));
  }
  return {
    course_id: courseId,
    completed_lessons: 0,
    total_lessons: totalLessons,
    percentage: 0,
    status: 'enrolled',
    certificate_id: null,
    completed_lesson_ids: [],
  };
}
