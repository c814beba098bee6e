import type { Course, CourseModule, Lesson } from './course.aggregate.js';

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

export function toModuleView(module: CourseModule): ModuleView {
  return { id: module.id, course_id: module.course.id, title: module.title, order: module.position };
}

export function toLessonView(lesson: Lesson): LessonView {
  return {
    id: lesson.id,
    module_id: lesson.module.id,
    course_id: lesson.courseId,
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
