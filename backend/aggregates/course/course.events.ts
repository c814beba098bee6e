/**
 * The course's events. Details and the curriculum travel as whole snapshots (what the read models consume); the
 * module and lesson events are the facts the course's own state is evolved from.
 */
export const CourseEvents = {
  CourseCreated: 'course.CourseCreated',
  CourseUpdated: 'course.CourseUpdated',
  /** The owner made a draft public: it joins the catalog, search and lists. */
  CoursePublished: 'course.CoursePublished',
  ModuleAdded: 'course.ModuleAdded',
  ModuleUpdated: 'course.ModuleUpdated',
  ModuleRemoved: 'course.ModuleRemoved',
  LessonAdded: 'course.LessonAdded',
  LessonUpdated: 'course.LessonUpdated',
  LessonRemoved: 'course.LessonRemoved',
  /** Carries the whole curriculum after any change to it, so its read model never depends on event order. */
  CurriculumRevised: 'course.CurriculumRevised',
} as const;

export type Level = 'beginner' | 'intermediate' | 'advanced';
export type CourseStatus = 'draft' | 'published';

/** The course's details as of one version (CourseCreated / CourseUpdated / CoursePublished payload). */
export interface CourseDetails {
  courseId: string;
  teacherId: string;
  title: string;
  description: string;
  isFree: boolean;
  price: string;
  durationMinutes: number;
  level: Level;
  createdAt: string;
  /** Absent in events recorded before drafts existed, when every course was public. */
  published?: boolean;
}

/** A lesson as the curriculum snapshot lists it: everything but its content. */
export interface CurriculumLesson {
  lessonId: string;
  title: string;
  videoUrl: string | null;
  durationMinutes: number;
  order: number;
  isPreview: boolean;
}

/** A module of the curriculum snapshot, with its lessons in order. */
export interface CurriculumModule {
  moduleId: string;
  title: string;
  order: number;
  lessons: CurriculumLesson[];
}

/** The whole curriculum after a change: modules and lessons in order (CurriculumRevised payload). */
export interface CurriculumRevised {
  courseId: string;
  modules: CurriculumModule[];
}

export interface ModuleAddedPayload {
  courseId: string;
  moduleId: string;
  title: string;
  order: number;
  addedAt: string;
}

export interface ModuleUpdatedPayload {
  courseId: string;
  moduleId: string;
  title: string;
  order: number;
}

export interface ModuleRemovedPayload {
  courseId: string;
  moduleId: string;
  lessonIds: string[];
}

/** A lesson's own fields, content included (the curriculum snapshot leaves the content out). */
export interface LessonFields {
  title: string;
  content: string;
  videoUrl: string | null;
  durationMinutes: number;
  order: number;
  isPreview: boolean;
}

export interface LessonAddedPayload extends LessonFields {
  courseId: string;
  moduleId: string;
  lessonId: string;
  addedAt: string;
}

export interface LessonUpdatedPayload extends LessonFields {
  courseId: string;
  lessonId: string;
}

export interface LessonRemovedPayload {
  courseId: string;
  moduleId: string;
  lessonId: string;
}
