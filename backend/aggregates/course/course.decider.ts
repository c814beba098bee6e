import { replay, type Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import {
  CourseEvents,
  type CourseDetails,
  type CourseStatus,
  type CurriculumModule,
  type LessonFields,
  type Level,
} from './course.events.js';

/** A course with its modules and lessons: one aggregate, so every change is checked against the whole curriculum. */
export interface CourseState extends Pick<
  CourseDetails,
  'teacherId' | 'title' | 'description' | 'isFree' | 'price' | 'durationMinutes' | 'level'
> {
  id: string;
  /** Drafts are seen by their owner and admins only. */
  status: CourseStatus;
  createdAt: Date;
  modules: ModuleState[];
}

export interface ModuleState {
  id: string;
  title: string;
  position: number;
  createdAt: Date;
  lessons: LessonState[];
}

export interface LessonState {
  id: string;
  moduleId: string;
  title: string;
  content: string;
  videoUrl: string | null;
  durationMinutes: number;
  position: number;
  isPreview: boolean;
  createdAt: Date;
}

export type CourseEvent = DecidedEvent<EventTypeOf<typeof CourseEvents>>;

/** The course's own fields as a teacher gives them (a price only for paid courses). */
export interface CourseFields {
  title: string;
  description: string;
  isFree: boolean;
  price?: number;
  durationMinutes: number;
  level: Level;
}

/** A new lesson's fields; left out, a lesson has no video, no duration, is not a preview and goes last. */
export interface NewLesson {
  title: string;
  content: string;
  videoUrl?: string | null;
  durationMinutes?: number;
  order?: number;
  isPreview?: boolean;
}

const byOrder = <T extends { position: number; createdAt: Date; id: string }>(a: T, b: T) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Modules and lessons in curriculum order, without lesson content (the CurriculumRevised snapshot). */
export function curriculumOf(course: CourseState): CurriculumModule[] {
  return [...course.modules].sort(byOrder).map((module) => ({
    moduleId: module.id,
    title: module.title,
    order: module.position,
    lessons: [...module.lessons].sort(byOrder).map((lesson) => ({
      lessonId: lesson.id,
      title: lesson.title,
      videoUrl: lesson.videoUrl,
      durationMinutes: lesson.durationMinutes,
      order: lesson.position,
      isPreview: lesson.isPreview,
    })),
  }));
}

export function moduleOf(course: CourseState, moduleId: string): ModuleState {
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module) throw new DomainError('module-not-found', 'Module not found');
  return module;
}

export function lessonOf(course: CourseState, lessonId: string): LessonState {
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  if (!lesson) throw new DomainError('lesson-not-found', 'Lesson not found');
  return lesson;
}

const nextPosition = (siblings: readonly { position: number }[]) =>
  siblings.reduce((max, s) => Math.max(max, s.position), 0) + 1;

function details(course: CourseState, fields: CourseFields, published: boolean): CourseDetails {
  if (!fields.isFree && !(fields.price !== undefined && fields.price > 0)) {
    throw new DomainError('price-required', 'A paid course needs a positive price');
  }
  return {
    courseId: course.id,
    teacherId: course.teacherId,
    title: fields.title,
    description: fields.description,
    isFree: fields.isFree,
    price: fields.isFree ? '0.00' : fields.price!.toFixed(2),
    durationMinutes: fields.durationMinutes,
    level: fields.level,
    createdAt: course.createdAt.toISOString(),
    published,
  };
}

/** A change to the curriculum, followed by the whole curriculum as it stands after it. */
function revised(course: CourseState, change: CourseEvent): CourseEvent[] {
  const after = replay(courseDecider, [change], course);
  return [
    change,
    { type: CourseEvents.CurriculumRevised, payload: { courseId: course.id, modules: curriculumOf(after) } },
  ];
}

/** A new course is a draft with an empty curriculum. */
export function decideCreateCourse(facts: CourseFields & { id: string; teacherId: string; now: Date }): CourseEvent[] {
  const course = { ...courseDecider.initial(), id: facts.id, teacherId: facts.teacherId, createdAt: facts.now };
  return [
    { type: CourseEvents.CourseCreated, payload: details(course, facts, false) },
    { type: CourseEvents.CurriculumRevised, payload: { courseId: facts.id, modules: [] } },
  ];
}

export function decideUpdateCourse(course: CourseState, patch: Partial<CourseFields>): CourseEvent[] {
  const fields: CourseFields = {
    title: patch.title ?? course.title,
    description: patch.description ?? course.description,
    isFree: patch.isFree ?? course.isFree,
    // Turning a course free drops its price; turning it paid needs a new one; otherwise the price stays unless given.
    price: patch.price ?? (patch.isFree === false && course.isFree ? undefined : Number(course.price)),
    durationMinutes: patch.durationMinutes ?? course.durationMinutes,
    level: patch.level ?? course.level,
  };
  return [{ type: CourseEvents.CourseUpdated, payload: details(course, fields, course.status === 'published') }];
}

/** Makes the course public; a course without lessons has nothing to offer yet. Publishing twice changes nothing. */
export function decidePublishCourse(course: CourseState): CourseEvent[] {
  if (course.status === 'published') return [];
  if (!course.modules.some((module) => module.lessons.length > 0)) {
    throw new DomainError('nothing-to-publish', 'Add at least one lesson before publishing this course');
  }
  return [
    { type: CourseEvents.CoursePublished, payload: details(course, { ...course, price: Number(course.price) }, true) },
  ];
}

export function decideAddModule(
  course: CourseState,
  facts: { id: string; title: string; order?: number; now: Date },
): CourseEvent[] {
  return revised(course, {
    type: CourseEvents.ModuleAdded,
    payload: {
      courseId: course.id,
      moduleId: facts.id,
      title: facts.title,
      order: facts.order ?? nextPosition(course.modules),
      addedAt: facts.now.toISOString(),
    },
  });
}

export function decideUpdateModule(
  course: CourseState,
  moduleId: string,
  patch: { title?: string; order?: number },
): CourseEvent[] {
  const module = moduleOf(course, moduleId);
  return revised(course, {
    type: CourseEvents.ModuleUpdated,
    payload: {
      courseId: course.id,
      moduleId,
      title: patch.title ?? module.title,
      order: patch.order ?? module.position,
    },
  });
}

/** Removes a module and every lesson in it. */
export function decideRemoveModule(course: CourseState, moduleId: string): CourseEvent[] {
  const module = moduleOf(course, moduleId);
  return revised(course, {
    type: CourseEvents.ModuleRemoved,
    payload: { courseId: course.id, moduleId, lessonIds: module.lessons.map((l) => l.id) },
  });
}

export function decideAddLesson(
  course: CourseState,
  moduleId: string,
  facts: NewLesson & { id: string; now: Date },
): CourseEvent[] {
  const module = moduleOf(course, moduleId);
  return revised(course, {
    type: CourseEvents.LessonAdded,
    payload: {
      courseId: course.id,
      moduleId,
      lessonId: facts.id,
      title: facts.title,
      content: facts.content,
      videoUrl: facts.videoUrl ?? null,
      durationMinutes: facts.durationMinutes ?? 0,
      order: facts.order ?? nextPosition(module.lessons),
      isPreview: facts.isPreview ?? false,
      addedAt: facts.now.toISOString(),
    },
  });
}

export function decideUpdateLesson(course: CourseState, lessonId: string, patch: Partial<NewLesson>): CourseEvent[] {
  const lesson = lessonOf(course, lessonId);
  const fields: LessonFields = {
    title: patch.title ?? lesson.title,
    content: patch.content ?? lesson.content,
    videoUrl: patch.videoUrl !== undefined ? patch.videoUrl : lesson.videoUrl,
    durationMinutes: patch.durationMinutes ?? lesson.durationMinutes,
    order: patch.order ?? lesson.position,
    isPreview: patch.isPreview ?? lesson.isPreview,
  };
  return revised(course, { type: CourseEvents.LessonUpdated, payload: { courseId: course.id, lessonId, ...fields } });
}

export function decideRemoveLesson(course: CourseState, lessonId: string): CourseEvent[] {
  const lesson = lessonOf(course, lessonId);
  return revised(course, {
    type: CourseEvents.LessonRemoved,
    payload: { courseId: course.id, moduleId: lesson.moduleId, lessonId },
  });
}

const withModule = (course: CourseState, moduleId: string, change: (module: ModuleState) => ModuleState) => ({
  ...course,
  modules: course.modules.map((module) => (module.id === moduleId ? change(module) : module)),
});

const lessonFields = ({ title, content, videoUrl, durationMinutes, order, isPreview }: LessonFields) => ({
  title,
  content,
  videoUrl,
  durationMinutes,
  position: order,
  isPreview,
});

export const courseDecider: Decider<CourseState, CourseEvent> = {
  initial: () => ({
    id: '',
    teacherId: '',
    title: '',
    description: '',
    isFree: true,
    price: '0.00',
    durationMinutes: 0,
    level: 'beginner',
    status: 'draft',
    createdAt: new Date(0),
    modules: [],
  }),
  evolve: (course, event) => {
    switch (event.type) {
      case CourseEvents.CourseCreated:
      case CourseEvents.CourseUpdated:
      case CourseEvents.CoursePublished: {
        const { courseId, published, createdAt, ...fields } = event.payload;
        return {
          ...course,
          ...fields,
          id: courseId,
          status: published ? 'published' : 'draft',
          createdAt: new Date(createdAt),
        };
      }
      case CourseEvents.ModuleAdded: {
        const { moduleId, title, order, addedAt } = event.payload;
        const module = { id: moduleId, title, position: order, createdAt: new Date(addedAt), lessons: [] };
        return { ...course, modules: [...course.modules, module] };
      }
      case CourseEvents.ModuleUpdated: {
        const { moduleId, title, order } = event.payload;
        return withModule(course, moduleId, (module) => ({ ...module, title, position: order }));
      }
      case CourseEvents.ModuleRemoved:
        return { ...course, modules: course.modules.filter((module) => module.id !== event.payload.moduleId) };
      case CourseEvents.LessonAdded: {
        const { moduleId, lessonId, addedAt } = event.payload;
        const lesson = { id: lessonId, moduleId, ...lessonFields(event.payload), createdAt: new Date(addedAt) };
        return withModule(course, moduleId, (module) => ({ ...module, lessons: [...module.lessons, lesson] }));
      }
      case CourseEvents.LessonUpdated: {
        const { moduleId } = lessonOf(course, event.payload.lessonId);
        return withModule(course, moduleId, (module) => ({
          ...module,
          lessons: module.lessons.map((lesson) =>
            lesson.id === event.payload.lessonId ? { ...lesson, ...lessonFields(event.payload) } : lesson,
          ),
        }));
      }
      case CourseEvents.LessonRemoved: {
        const { moduleId, lessonId } = event.payload;
        return withModule(course, moduleId, (module) => ({
          ...module,
          lessons: module.lessons.filter((lesson) => lesson.id !== lessonId),
        }));
      }
      case CourseEvents.CurriculumRevised:
        return course; // a snapshot for the read models, derived from the events above
    }
  },
  snapshotOf: (event) => {
    switch (event.type) {
      case CourseEvents.CourseCreated:
      case CourseEvents.CourseUpdated:
      case CourseEvents.CoursePublished:
        return 'details';
      case CourseEvents.CurriculumRevised:
        return 'curriculum';
      default:
        return undefined;
    }
  },
};
