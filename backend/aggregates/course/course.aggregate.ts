import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import { after } from '../../src/platform/domain/clock.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../src/platform/domain/errors.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import {
  CourseEvents,
  type CourseDetails,
  type CourseStatus,
  type CurriculumModule,
  type Level,
} from './course.events.js';

export interface CourseFields {
  title: string;
  description: string;
  isFree: boolean;
  price?: number;
  durationMinutes: number;
  level: Level;
}

export interface LessonFields {
  title: string;
  content: string;
  videoUrl?: string | null;
  durationMinutes?: number;
  order?: number;
  isPreview?: boolean;
}

const byOrder = <T extends { position: number; createdAt: Date; id: string }>(a: T, b: T) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

@Entity({ schema: 'course', tableName: 'lessons' })
export class Lesson {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => CourseModule, { fieldName: 'module_id' })
  module!: Rel<CourseModule>;

  @Property({ type: 'uuid' })
  courseId!: string;

  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'string', nullable: true })
  videoUrl!: string | null;

  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'boolean' })
  isPreview!: boolean;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@Entity({ schema: 'course', tableName: 'modules' })
export class CourseModule {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Course, { fieldName: 'course_id' })
  course!: Rel<Course>;

  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @OneToMany(() => Lesson, (lesson) => lesson.module, { orphanRemoval: true })
  lessons = new Collection<Lesson>(this);

  sortedLessons(): Lesson[] {
    return [...this.lessons.getItems()].sort(byOrder);
  }
}

/**
 * A course with its modules and lessons: one aggregate, so reordering, adding and removing lessons
 * are checked against the whole curriculum and never interleave.
 */
@Entity({ schema: 'course', tableName: 'courses' })
export class Course extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  teacherId!: string;

  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'boolean' })
  isFree!: boolean;

  /** Decimal string, e.g. "49.99"; "0.00" for free courses. */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  price!: string;

  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Property({ type: 'string' })
  level!: Level;

  /** Drafts are seen by their owner and admins only. */
  @Property({ type: 'string' })
  status!: CourseStatus;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => CourseModule, (module) => module.course, { orphanRemoval: true })
  modules = new Collection<CourseModule>(this);

  get aggregateType(): string {
    return 'Course';
  }

  get serviceSchema(): string {
    return 'course';
  }

  static create(input: CourseFields & { id: string; teacherId: string; now: Date }): Course {
    const course = new Course();
    course.id = input.id;
    course.teacherId = input.teacherId;
    course.createdAt = input.now;
    course.version = 1;
    course.status = 'draft';
    course.applyFields(input);
    course.updatedAt = input.now;
    course.recordSnapshot('details', CourseEvents.CourseCreated, course.details());
    course.reviseCurriculum();
    return course;
  }

  assertEditableBy(user: AuthUser): void {
    if (user.id !== this.teacherId) throw new ForbiddenError('Only the course owner may change this course');
  }

  update(patch: Partial<CourseFields>, now: Date): void {
    this.applyFields({
      title: patch.title ?? this.title,
      description: patch.description ?? this.description,
      isFree: patch.isFree ?? this.isFree,
      // Turning a course free drops its price; otherwise keep the current price unless a new one is given.
      price: patch.price ?? (patch.isFree === false && this.isFree ? undefined : Number(this.price)),
      durationMinutes: patch.durationMinutes ?? this.durationMinutes,
      level: patch.level ?? this.level,
    });
    this.touch(now);
    this.recordSnapshot('details', CourseEvents.CourseUpdated, this.details());
  }

  /** Makes the course public; a course without lessons has nothing to offer yet. Publishing twice changes nothing. */
  publish(now: Date): void {
    if (this.status === 'published') return;
    if (!this.modules.getItems().some((module) => module.lessons.length > 0)) {
      throw new UnprocessableError('Add at least one lesson before publishing this course');
    }
    this.status = 'published';
    this.touch(now);
    this.recordSnapshot('details', CourseEvents.CoursePublished, this.details());
  }

  addModule(input: { id: string; title: string; order?: number; now: Date }): CourseModule {
    // Positions first: linking the module to the course already adds it to `modules`.
    const position = input.order ?? this.nextPosition(this.modules.getItems());
    const module = new CourseModule();
    module.id = input.id;
    module.title = input.title;
    module.position = position;
    module.createdAt = input.now;
    module.course = this;
    this.modules.add(module);
    this.touch(input.now);
    this.record(CourseEvents.ModuleAdded, { courseId: this.id, moduleId: module.id, title: module.title });
    this.reviseCurriculum();
    return module;
  }

  updateModule(moduleId: string, patch: { title?: string; order?: number }, now: Date): CourseModule {
    const module = this.module(moduleId);
    if (patch.title !== undefined) module.title = patch.title;
    if (patch.order !== undefined) module.position = patch.order;
    this.touch(now);
    this.record(CourseEvents.ModuleUpdated, { courseId: this.id, moduleId, title: module.title });
    this.reviseCurriculum();
    return module;
  }

  removeModule(moduleId: string, now: Date): void {
    const module = this.module(moduleId);
    const lessonIds = module.lessons.getItems().map((l) => l.id);
    this.modules.remove(module);
    this.touch(now);
    this.record(CourseEvents.ModuleRemoved, { courseId: this.id, moduleId, lessonIds });
    this.reviseCurriculum();
  }

  addLesson(moduleId: string, input: LessonFields & { id: string; now: Date }): Lesson {
    const module = this.module(moduleId);
    const position = input.order ?? this.nextPosition(module.lessons.getItems());
    const lesson = new Lesson();
    lesson.id = input.id;
    lesson.courseId = this.id;
    lesson.title = input.title;
    lesson.content = input.content;
    lesson.videoUrl = input.videoUrl ?? null;
    lesson.durationMinutes = input.durationMinutes ?? 0;
    lesson.position = position;
    lesson.isPreview = input.isPreview ?? false;
    lesson.createdAt = input.now;
    lesson.module = module;
    module.lessons.add(lesson);
    this.touch(input.now);
    this.record(CourseEvents.LessonAdded, { courseId: this.id, moduleId, lessonId: lesson.id, title: lesson.title });
    this.reviseCurriculum();
    return lesson;
  }

  updateLesson(lessonId: string, patch: Partial<LessonFields>, now: Date): Lesson {
    const lesson = this.lesson(lessonId);
    if (patch.title !== undefined) lesson.title = patch.title;
    if (patch.content !== undefined) lesson.content = patch.content;
    if (patch.videoUrl !== undefined) lesson.videoUrl = patch.videoUrl;
    if (patch.durationMinutes !== undefined) lesson.durationMinutes = patch.durationMinutes;
    if (patch.order !== undefined) lesson.position = patch.order;
    if (patch.isPreview !== undefined) lesson.isPreview = patch.isPreview;
    this.touch(now);
    this.record(CourseEvents.LessonUpdated, { courseId: this.id, lessonId, title: lesson.title });
    this.reviseCurriculum();
    return lesson;
  }

  removeLesson(lessonId: string, now: Date): void {
    const lesson = this.lesson(lessonId);
    lesson.module.lessons.remove(lesson);
    this.touch(now);
    this.record(CourseEvents.LessonRemoved, { courseId: this.id, moduleId: lesson.module.id, lessonId });
    this.reviseCurriculum();
  }

  /** Modules and lessons in curriculum order, without lesson content. */
  curriculum(): CurriculumModule[] {
    return [...this.modules.getItems()].sort(byOrder).map((module) => ({
      id: module.id,
      course_id: this.id,
      title: module.title,
      order: module.position,
      lessons: module.sortedLessons().map((lesson) => ({
        id: lesson.id,
        module_id: module.id,
        title: lesson.title,
        video_url: lesson.videoUrl,
        duration_minutes: lesson.durationMinutes,
        order: lesson.position,
        is_preview: lesson.isPreview,
      })),
    }));
  }

  details(): CourseDetails {
    return {
      courseId: this.id,
      teacherId: this.teacherId,
      title: this.title,
      description: this.description,
      isFree: this.isFree,
      price: this.price,
      durationMinutes: this.durationMinutes,
      level: this.level,
      createdAt: this.createdAt.toISOString(),
      published: this.status === 'published',
    };
  }

  private applyFields(fields: CourseFields): void {
    if (!fields.isFree && !(fields.price !== undefined && fields.price > 0)) {
      throw new UnprocessableError('A paid course needs a positive price');
    }
    this.title = fields.title;
    this.description = fields.description;
    this.isFree = fields.isFree;
    this.price = fields.isFree ? '0.00' : fields.price!.toFixed(2);
    this.durationMinutes = fields.durationMinutes;
    this.level = fields.level;
  }

  /** Every change bumps the root, so the version check covers changes to modules and lessons too. */
  private touch(now: Date): void {
    this.updatedAt = after(this.updatedAt, now);
  }

  private reviseCurriculum(): void {
    this.recordSnapshot('curriculum', CourseEvents.CurriculumRevised, {
      courseId: this.id,
      modules: this.curriculum(),
    });
  }

  private nextPosition(siblings: readonly { position: number }[]): number {
    return siblings.reduce((max, s) => Math.max(max, s.position), 0) + 1;
  }

  private module(moduleId: string): CourseModule {
    const module = this.modules.getItems().find((m) => m.id === moduleId);
    if (!module) throw new NotFoundError('Module not found');
    return module;
  }

  private lesson(lessonId: string): Lesson {
    for (const module of this.modules.getItems()) {
      const lesson = module.lessons.getItems().find((l) => l.id === lessonId);
      if (lesson) return lesson;
    }
    throw new NotFoundError('Lesson not found');
  }
}
