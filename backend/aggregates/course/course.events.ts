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

export interface CurriculumLesson {
  id: string;
  module_id: string;
  title: string;
  video_url: string | null;
  duration_minutes: number;
  order: number;
  is_preview: boolean;
}

export interface CurriculumModule {
  id: string;
  course_id: string;
  title: string;
  order: number;
  lessons: CurriculumLesson[];
}

export interface CurriculumRevised {
  courseId: string;
  modules: CurriculumModule[];
}
