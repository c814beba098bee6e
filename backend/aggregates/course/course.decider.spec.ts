import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { refusalOf } from '../../test/support/decisions.js';
import {
  courseDecider,
  curriculumOf,
  decideAddLesson,
  decideAddModule,
  decideCreateCourse,
  decidePublishCourse,
  decideRemoveLesson,
  decideRemoveModule,
  decideUpdateCourse,
  decideUpdateLesson,
  decideUpdateModule,
  type CourseEvent,
  type CourseState,
} from './course.decider.js';
import { CourseEvents } from './course.events.js';

const now = new Date('2026-01-01T00:00:00Z');
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const create = { title: 'Intro', description: 'd', isFree: true, durationMinutes: 60, level: 'beginner' as const };

/** Replays each decision on the state the previous ones left. */
function given(...decisions: ((course: CourseState) => CourseEvent[])[]): CourseState {
  return decisions.reduce(
    (course, decide) => replay(courseDecider, decide(course), course),
    replay(courseDecider, decideCreateCourse({ ...create, id: id(), teacherId: 't-1', now })),
  );
}
const addModule = (moduleId: string, order?: number) => (course: CourseState) =>
  decideAddModule(course, { id: moduleId, title: `M ${moduleId}`, order, now });
const addLesson = (moduleId: string, lessonId: string, order?: number) => (course: CourseState) =>
  decideAddLesson(course, moduleId, { id: lessonId, title: `L ${lessonId}`, content: '# Hi', order, now });
const types = (events: CourseEvent[]) => events.map((event) => event.type);

describe('Course decider', () => {
  it('when a course is created, then it is a draft with its details and an empty curriculum', () => {
    const events = decideCreateCourse({ ...create, isFree: false, price: 19.5, id: 'c-1', teacherId: 't-1', now });
    expect(events).toEqual([
      {
        type: CourseEvents.CourseCreated,
        payload: {
          courseId: 'c-1',
          teacherId: 't-1',
          title: 'Intro',
          description: 'd',
          isFree: false,
          price: '19.50',
          durationMinutes: 60,
          level: 'beginner',
          createdAt: now.toISOString(),
          published: false,
        },
      },
      { type: CourseEvents.CurriculumRevised, payload: { courseId: 'c-1', modules: [] } },
    ]);
    expect(replay(courseDecider, events)).toMatchObject({ id: 'c-1', status: 'draft', price: '19.50', modules: [] });
  });

  it('when a paid course has no positive price, then it is refused', () => {
    const facts = { ...create, id: 'c-1', teacherId: 't-1', now, isFree: false };
    expect(refusalOf(() => decideCreateCourse(facts))).toBe('price-required');
    expect(refusalOf(() => decideCreateCourse({ ...facts, price: 0 }))).toBe('price-required');
  });

  it('given a free course, when it turns paid, then it needs a price, and keeps it on later changes', () => {
    const course = given();
    expect(refusalOf(() => decideUpdateCourse(course, { isFree: false }))).toBe('price-required');
    const paid = given((c) => decideUpdateCourse(c, { isFree: false, price: 10 }));
    expect(paid).toMatchObject({ isFree: false, price: '10.00' });
    expect(decideUpdateCourse(paid, { title: 'New' })[0].payload).toMatchObject({ title: 'New', price: '10.00' });
    expect(decideUpdateCourse(paid, { isFree: true })[0].payload).toMatchObject({ isFree: true, price: '0.00' });
  });

  it('when modules and lessons are added without an order, then each goes after the last one', () => {
    const course = given(addModule('m-1'), addModule('m-2'), addLesson('m-2', 'a'), addLesson('m-2', 'b'));
    expect(course.modules.map((m) => m.position)).toEqual([1, 2]);
    expect(course.modules[1].lessons.map((l) => [l.id, l.position])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('when a lesson is added, then LessonAdded carries it whole and the curriculum is revised after it', () => {
    const course = given(addModule('m-1'));
    const events = addLesson('m-1', 'l-1')(course);
    expect(events[0]).toEqual({
      type: CourseEvents.LessonAdded,
      payload: {
        courseId: course.id,
        moduleId: 'm-1',
        lessonId: 'l-1',
        title: 'L l-1',
        content: '# Hi',
        videoUrl: null,
        durationMinutes: 0,
        order: 1,
        isPreview: false,
        addedAt: now.toISOString(),
      },
    });
    expect(events[1]).toEqual({
      type: CourseEvents.CurriculumRevised,
      payload: { courseId: course.id, modules: curriculumOf(replay(courseDecider, events, course)) },
    });
    expect(events[1].payload).toMatchObject({
      modules: [{ moduleId: 'm-1', lessons: [{ lessonId: 'l-1', title: 'L l-1' }] }],
    });
  });

  it('orders the curriculum by the given order', () => {
    const course = given(
      addModule('late', 5),
      addModule('early', 1),
      addLesson('late', 'z', 9),
      addLesson('late', 'y', 2),
    );
    const curriculum = curriculumOf(course);
    expect(curriculum.map((m) => m.moduleId)).toEqual(['early', 'late']);
    expect(curriculum[1].lessons.map((l) => l.lessonId)).toEqual(['y', 'z']);
  });

  it('given a module with a lesson, when the module is removed, then its lessons go with it and are named', () => {
    const course = given(addModule('m-1'), addLesson('m-1', 'l-1'));
    const events = decideRemoveModule(course, 'm-1');
    expect(types(events)).toEqual([CourseEvents.ModuleRemoved, CourseEvents.CurriculumRevised]);
    expect(events[0].payload).toEqual({ courseId: course.id, moduleId: 'm-1', lessonIds: ['l-1'] });
    expect(replay(courseDecider, events, course).modules).toEqual([]);
  });

  it('given a lesson, when it is updated or removed, then the course follows', () => {
    const course = given(addModule('m-1'), addLesson('m-1', 'l-1'));
    const updated = replay(
      courseDecider,
      decideUpdateLesson(course, 'l-1', { title: 'Renamed', isPreview: true, videoUrl: 'https://v.example/1' }),
      course,
    );
    expect(updated.modules[0].lessons[0]).toMatchObject({
      title: 'Renamed',
      content: '# Hi',
      isPreview: true,
      videoUrl: 'https://v.example/1',
    });
    const renamed = replay(courseDecider, decideUpdateModule(updated, 'm-1', { title: 'Part 1', order: 3 }), updated);
    expect(renamed.modules[0]).toMatchObject({ title: 'Part 1', position: 3 });
    const removed = replay(courseDecider, decideRemoveLesson(renamed, 'l-1'), renamed);
    expect(removed.modules[0].lessons).toEqual([]);
  });

  it('when an unknown module or lesson is named, then it is refused as not found', () => {
    const course = given(addModule('m-1'));
    expect(refusalOf(() => addLesson('m-9', 'l-1')(course))).toBe('module-not-found');
    expect(refusalOf(() => decideRemoveModule(course, 'm-9'))).toBe('module-not-found');
    expect(refusalOf(() => decideRemoveLesson(course, 'l-9'))).toBe('lesson-not-found');
    expect(refusalOf(() => decideUpdateLesson(course, 'l-9', { title: 'x' }))).toBe('lesson-not-found');
  });

  it('given a draft without lessons, when published, then it is refused', () => {
    expect(refusalOf(() => decidePublishCourse(given()))).toBe('nothing-to-publish');
    expect(refusalOf(() => decidePublishCourse(given(addModule('empty'))))).toBe('nothing-to-publish');
  });

  it('given a draft with a lesson, when published, then CoursePublished says so, once', () => {
    const course = given(addModule('m-1'), addLesson('m-1', 'l-1'));
    const events = decidePublishCourse(course);
    expect(events).toMatchObject([{ type: CourseEvents.CoursePublished, payload: { published: true } }]);
    const published = replay(courseDecider, events, course);
    expect(published.status).toBe('published');
    expect(decidePublishCourse(published)).toEqual([]);
    expect(decideUpdateCourse(published, { title: 'Still public' })[0].payload).toMatchObject({ published: true });
  });
});
