import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { nextTimestamp } from '../../src/platform/domain/clock.js';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import {
  courseDecider,
  decideAddLesson,
  decideAddModule,
  decideCreateCourse,
  decidePublishCourse,
  decideRemoveLesson,
  decideRemoveModule,
  decideUpdateCourse,
  decideUpdateLesson,
  decideUpdateModule,
  lessonOf,
  moduleOf,
  type CourseEvent,
  type CourseFields,
  type CourseState,
  type LessonState,
  type ModuleState,
  type NewLesson,
} from './course.decider.js';
import type { CourseStatus, Level } from './course.events.js';

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
}

/** A course with its modules and lessons, as stored; its changes are decided in course.decider.ts. */
@Entity({ schema: 'course', tableName: 'courses' })
export class Course extends DecidedAggregate<CourseState, CourseEvent> {
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

  @Property({ type: 'string' })
  status!: CourseStatus;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** When the course last changed: a record-keeping column, not a fact any decision needs. */
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => CourseModule, (module) => module.course, { orphanRemoval: true })
  modules = new Collection<CourseModule>(this);

  get aggregateType(): string {
    return 'Course';
  }

  get serviceSchema(): OutboxSchema {
    return 'course';
  }

  protected get decider() {
    return courseDecider;
  }

  static create(facts: CourseFields & { id: string; teacherId: string; now: Date }): Course {
    const course = new Course();
    course.version = 1;
    course.apply(decideCreateCourse(facts), courseDecider.initial());
    course.updatedAt = facts.now;
    return course;
  }

  update(patch: Partial<CourseFields>, now: Date): void {
    this.change(decideUpdateCourse(this.state(), patch), now);
  }

  publish(now: Date): void {
    this.change(decidePublishCourse(this.state()), now);
  }

  addModule(facts: { id: string; title: string; order?: number; now: Date }): ModuleState {
    return moduleOf(this.change(decideAddModule(this.state(), facts), facts.now), facts.id);
  }

  updateModule(moduleId: string, patch: { title?: string; order?: number }, now: Date): ModuleState {
    return moduleOf(this.change(decideUpdateModule(this.state(), moduleId, patch), now), moduleId);
  }

  removeModule(moduleId: string, now: Date): void {
    this.change(decideRemoveModule(this.state(), moduleId), now);
  }

  addLesson(moduleId: string, facts: NewLesson & { id: string; now: Date }): LessonState {
    return lessonOf(this.change(decideAddLesson(this.state(), moduleId, facts), facts.now), facts.id);
  }

  updateLesson(lessonId: string, patch: Partial<NewLesson>, now: Date): LessonState {
    return lessonOf(this.change(decideUpdateLesson(this.state(), lessonId, patch), now), lessonId);
  }

  removeLesson(lessonId: string, now: Date): void {
    this.change(decideRemoveLesson(this.state(), lessonId), now);
  }

  state(): CourseState {
    const { id, teacherId, title, description, isFree, price, durationMinutes, level, status, createdAt } = this;
    const modules = this.modules.getItems().map((module) => ({
      id: module.id,
      title: module.title,
      position: module.position,
      createdAt: module.createdAt,
      lessons: module.lessons.getItems().map((lesson) => ({
        id: lesson.id,
        moduleId: module.id,
        title: lesson.title,
        content: lesson.content,
        videoUrl: lesson.videoUrl,
        durationMinutes: lesson.durationMinutes,
        position: lesson.position,
        isPreview: lesson.isPreview,
        createdAt: lesson.createdAt,
      })),
    }));
    return { id, teacherId, title, description, isFree, price, durationMinutes, level, status, createdAt, modules };
  }

  /** Applies a decision and stamps the change; a decision without events changes nothing. */
  private change(events: CourseEvent[], now: Date): CourseState {
    if (events.length === 0) return this.state();
    const state = this.apply(events);
    this.updatedAt = nextTimestamp(this.updatedAt, now);
    return state;
  }

  protected writeState({ modules, ...course }: CourseState): void {
    Object.assign(this, course);
    const keep = new Set(modules.map((module) => module.id));
    for (const stored of this.modules.getItems()) if (!keep.has(stored.id)) this.modules.remove(stored);
    for (const { lessons, ...fields } of modules) {
      const module = this.modules.getItems().find((m) => m.id === fields.id) ?? this.newModule(fields.id);
      Object.assign(module, fields);
      const keepLessons = new Set(lessons.map((lesson) => lesson.id));
      for (const stored of module.lessons.getItems()) if (!keepLessons.has(stored.id)) module.lessons.remove(stored);
      for (const { moduleId: _module, ...lesson } of lessons) {
        Object.assign(
          module.lessons.getItems().find((l) => l.id === lesson.id) ?? this.newLesson(module, lesson.id),
          lesson,
        );
      }
    }
  }

  private newModule(id: string): CourseModule {
    const module = Object.assign(new CourseModule(), { id, course: this });
    this.modules.add(module);
    return module;
  }

  private newLesson(module: CourseModule, id: string): Lesson {
    const lesson = Object.assign(new Lesson(), { id, courseId: this.id, module });
    module.lessons.add(lesson);
    return lesson;
  }
}
