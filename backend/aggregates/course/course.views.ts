import { z } from 'zod';
import { named } from '../../src/platform/http/responses.js';
import type { Course } from './course.aggregate.js';
import type { LessonState, ModuleState } from './course.decider.js';

export const moduleView = named(
  'Module',
  z.object({ id: z.uuid(), course_id: z.uuid(), title: z.string(), order: z.number().int() }),
);
export type ModuleView = z.infer<typeof moduleView>;

/** A lesson as its author wrote it (the answer of adding or changing one). */
export const lessonView = named(
  'Lesson',
  z.object({
    id: z.uuid(),
    module_id: z.uuid(),
    course_id: z.uuid(),
    title: z.string(),
    /** Markdown source. */
    content: z.string(),
    video_url: z.string().nullable(),
    duration_minutes: z.number().int(),
    order: z.number().int(),
    is_preview: z.boolean(),
  }),
);
export type LessonView = z.infer<typeof lessonView>;

export function toModuleView(courseId: string, module: ModuleState): ModuleView {
  return { id: module.id, course_id: courseId, title: module.title, order: module.position };
}

export function toLessonView(courseId: string, lesson: LessonState): LessonView {
  return {
    id: lesson.id,
    module_id: lesson.moduleId,
    course_id: courseId,
    title: lesson.title,
    content: lesson.content,
    video_url: lesson.videoUrl,
    duration_minutes: lesson.durationMinutes,
    order: lesson.position,
    is_preview: lesson.isPreview,
  };
}

/** The course's own fields in API shape; counters come from the catalog read model. */
export function toCourseFields(course: Course) {
  return {
    id: course.id,
    teacher_id: course.teacherId,
    title: course.title,
    description: course.description,
    is_free: course.isFree,
    price: course.price,
    duration_minutes: course.durationMinutes,
    level: course.level,
    status: course.status,
    created_at: course.createdAt.toISOString(),
  };
}
