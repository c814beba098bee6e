import { percent } from './format';
import { t } from './i18n/i18n.svelte';
import {
  ApiError,
  enrollment,
  type CourseProgress,
  type Curriculum,
  type LessonSummary,
  type ProgressCounts,
} from './api';

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

export function statusLabel(status: ProgressCounts['status']): string {
  return t(`status.${status}`);
}

/** Whole percentages everywhere, so that two views of one progress never disagree ("33%" and "33.3%"). */
export function percentLabel(p: number): string {
  return percent(Number.isFinite(p) ? Math.max(0, Math.min(100, p)) : 0);
}

/** Applies fresh counts (a push or a completion answer) to a progress, keeping its lesson ids. */
export function withCounts(
  progress: CourseProgress,
  counts: ProgressCounts,
  completedLessonId?: string,
): CourseProgress {
  const ids =
    completedLessonId && !progress.completed_lesson_ids.includes(completedLessonId)
      ? [...progress.completed_lesson_ids, completedLessonId]
      : progress.completed_lesson_ids;
  return {
    ...progress,
    completed_lessons: counts.completed_lessons,
    total_lessons: counts.total_lessons,
    percentage: counts.percentage,
    status: counts.status,
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The certificate of the student's completed course. Certificates live in a read model that
 * follows the completion shortly, so this asks a few times before giving up (null).
 */
export async function findCertificateId(courseId: string, attempts = 6): Promise<string | null> {
  for (let i = 0; i < attempts; i++) {
    for (let offset = 0; ; offset += 100) {
      const page = await enrollment.mine(undefined, { limit: 100, offset });
      const item = page.items.find((e) => e.course_id === courseId);
      if (item) {
        if (item.certificate_id) return item.certificate_id;
        break;
      }
      if (offset + page.items.length >= page.total || page.items.length === 0) break;
    }
    if (i < attempts - 1) await sleep(400 * 2 ** Math.min(i, 3));
  }
  return null;
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
    completed_lesson_ids: [],
  };
}
