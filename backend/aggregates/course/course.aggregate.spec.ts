import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Course } from './course.aggregate.js';
import { CourseEvents } from './course.events.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../src/platform/domain/errors.js';
import { discoverEntities } from '../../test/support/entity-metadata.js';

discoverEntities();

const now = new Date('2026-01-01T00:00:00Z');
const teacher = { id: 't-1', role: 'teacher' as const, isVerified: true };
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function givenCourse(overrides: Partial<Parameters<typeof Course.create>[0]> = {}): Course {
  const course = Course.create({
    id: id(),
    teacherId: teacher.id,
    title: 'Intro',
    description: 'd',
    isFree: true,
    durationMinutes: 60,
    level: 'beginner',
    now,
    ...overrides,
  });
  course.pullEvents();
  return course;
}

describe('Course aggregate', () => {
  it('when created, records its details and an empty curriculum', () => {
    const course = Course.create({
      id: id(),
      teacherId: 't-1',
      title: 'T',
      description: '',
      isFree: false,
      price: 19.5,
      durationMinutes: 30,
      level: 'advanced',
      now,
    });
    expect(course.price).toBe('19.50');
    expect(course.pullEvents().map((e) => e.type)).toEqual([
      CourseEvents.CourseCreated,
      CourseEvents.CurriculumRevised,
    ]);
  });

  it('refuses a paid course without a positive price', () => {
    expect(() => givenCourse({ isFree: false })).toThrow(UnprocessableError);
    expect(() => givenCourse({ isFree: false, price: 0 })).toThrow(UnprocessableError);
  });

  it('given a free course, turning it paid needs a price', () => {
    const course = givenCourse();
    expect(() => course.update({ isFree: false }, now)).toThrow(UnprocessableError);
    course.update({ isFree: false, price: 10 }, now);
    expect(course.price).toBe('10.00');
  });

  it('appends modules and lessons after the last one, and revises the curriculum each time', () => {
    const course = givenCourse();
    const first = course.addModule({ id: id(), title: 'One', now });
    const second = course.addModule({ id: id(), title: 'Two', now });
    expect([first.position, second.position]).toEqual([1, 2]);
    const a = course.addLesson(second.id, { id: id(), title: 'a', content: '', now });
    const b = course.addLesson(second.id, { id: id(), title: 'b', content: '', now });
    expect([a.position, b.position]).toEqual([1, 2]);
    const events = course.pullEvents();
    // One command, one curriculum snapshot: the latest.
    const revised = events.filter((e) => e.type === CourseEvents.CurriculumRevised);
    expect(revised).toHaveLength(1);
    expect(revised[0].payload).toEqual({ courseId: course.id, modules: course.curriculum() });
    expect(course.curriculum().map((m) => m.lessons.map((l) => l.title))).toEqual([[], ['a', 'b']]);
  });

  it('orders the curriculum by the given order', () => {
    const course = givenCourse();
    const late = course.addModule({ id: id(), title: 'Late', order: 5, now });
    course.addModule({ id: id(), title: 'Early', order: 1, now });
    course.addLesson(late.id, { id: id(), title: 'z', content: '', order: 9, now });
    course.addLesson(late.id, { id: id(), title: 'y', content: '', order: 2, now });
    expect(course.curriculum().map((m) => m.title)).toEqual(['Early', 'Late']);
    expect(course.curriculum()[1].lessons.map((l) => l.title)).toEqual(['y', 'z']);
  });

  it('removing a module removes its lessons and names them in the event', () => {
    const course = givenCourse();
    const module = course.addModule({ id: id(), title: 'M', now });
    const lesson = course.addLesson(module.id, { id: id(), title: 'L', content: '', now });
    course.pullEvents();
    course.removeModule(module.id, now);
    const [removed] = course.pullEvents();
    expect(removed).toEqual({
      type: CourseEvents.ModuleRemoved,
      payload: { courseId: course.id, moduleId: module.id, lessonIds: [lesson.id] },
    });
    expect(course.curriculum()).toEqual([]);
  });

  it('reports unknown modules and lessons as not found', () => {
    const course = givenCourse();
    expect(() => course.addLesson(id(), { id: id(), title: 'L', content: '', now })).toThrow(NotFoundError);
    expect(() => course.removeLesson(id(), now)).toThrow(NotFoundError);
  });

  it('starts as a draft and refuses to be published without a lesson', () => {
    const course = givenCourse();
    expect(course.status).toBe('draft');
    expect(course.details().published).toBe(false);
    expect(() => course.publish(now)).toThrow(
      new UnprocessableError('Add at least one lesson before publishing this course'),
    );
    course.addModule({ id: id(), title: 'Empty module', now });
    expect(() => course.publish(now)).toThrow(UnprocessableError);
    expect(course.pullEvents().map((e) => e.type)).not.toContain(CourseEvents.CoursePublished);
  });

  it('given a lesson, publishing records CoursePublished with published details once', () => {
    const course = givenCourse();
    const module = course.addModule({ id: id(), title: 'M', now });
    course.addLesson(module.id, { id: id(), title: 'L', content: '', now });
    course.pullEvents();
    course.publish(now);
    const [published] = course.pullEvents();
    expect(published).toMatchObject({ type: CourseEvents.CoursePublished, payload: { published: true } });
    expect(course.status).toBe('published');
    course.publish(now);
    expect(course.pullEvents()).toEqual([]);
  });

  it('is editable by its owner only', () => {
    const course = givenCourse();
    expect(() => course.assertEditableBy(teacher)).not.toThrow();
    expect(() => course.assertEditableBy({ ...teacher, id: 't-2' })).toThrow(ForbiddenError);
    expect(() => course.assertEditableBy({ id: 'a', role: 'admin', isVerified: true })).toThrow(ForbiddenError);
  });

  it('moves its version-checked timestamp forward on every change, even within one millisecond', () => {
    const course = givenCourse();
    const before = course.updatedAt.getTime();
    course.addModule({ id: id(), title: 'M', now });
    expect(course.updatedAt.getTime()).toBeGreaterThan(before);
  });
});

describe('Course snapshots within one command', () => {
  it('keeps one details snapshot and one curriculum snapshot, each the latest', () => {
    const course = Course.create({
      id: id(),
      teacherId: 't',
      title: 'Old',
      description: '',
      isFree: true,
      durationMinutes: 1,
      level: 'beginner',
      now,
    });
    course.update({ title: 'New' }, now);
    course.addModule({ id: id(), title: 'M', now });
    const events = course.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      CourseEvents.CourseCreated,
      CourseEvents.CurriculumRevised,
      CourseEvents.ModuleAdded,
    ]);
    expect(events[0].payload).toMatchObject({ title: 'New' });
    expect((events[1].payload as { modules: unknown[] }).modules).toHaveLength(1);
  });
});
