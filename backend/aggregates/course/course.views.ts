import type { Course } from './course.aggregate.js';
import type { LessonState, ModuleState } from './course.decider.js';

export interface ModuleView {
  id: string;
  course_id: string;
  title: string;
  order: number;
}

export interface LessonView {
  id: string;
  module_id: string;
  course_id: string;
  title: string;
  content: string;
  video_url: string | null;
  duration_minutes: number;
  order: number;
  is_preview: boolean;
}

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
