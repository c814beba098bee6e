import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { refusalOf } from '../../test/support/decisions.js';
import { decideCompleteLesson, decideEnroll, enrollmentDecider, type StudentEnrollment } from './enrollment.decider.js';
import { EnrollmentEvents } from './enrollment.events.js';

const enrolledAt = new Date('2026-04-01T08:00:00Z');
const now = new Date('2026-04-02T08:00:00Z');
const freeCourse = { id: 'c-1', isFree: true };
const paidCourse = { id: 'c-2', isFree: false };
const enroll = { id: 'e-1', studentId: 's-1', course: freeCourse, payment: undefined, now: enrolledAt };
const lessons = ['l-1', 'l-2'];
let ids = 0;
const complete = (lessonId: string, currentLessonIds = lessons) => ({
  completionId: `done-${++ids}`,
  lessonId,
  currentLessonIds,
  certificateId: 'cert-1',
  now,
});
const givenEnrolled = () => replay(enrollmentDecider, decideEnroll(undefined, enroll));
const given = (enrollment: StudentEnrollment, ...completed: string[]) =>
  completed.reduce(
    (state, lessonId) => replay(enrollmentDecider, decideCompleteLesson(state, complete(lessonId)), state),
    enrollment,
  );

describe('Enrollment decider', () => {
  it('when a student enrolls in a free course, then StudentEnrolled carries the new enrollment', () => {
    expect(decideEnroll(undefined, enroll)).toEqual([
      {
        type: EnrollmentEvents.StudentEnrolled,
        payload: {
          enrollment: {
            enrollmentId: 'e-1',
            studentId: 's-1',
            courseId: 'c-1',
            paymentId: null,
            status: 'enrolled',
            enrolledAt: enrolledAt.toISOString(),
            completedAt: null,
            certificateId: null,
          },
        },
      },
    ]);
  });

  it('when a student enrolls in a paid course, then a completed payment is required and recorded', () => {
    const paid = { ...enroll, course: paidCourse };
    expect(refusalOf(() => decideEnroll(undefined, paid))).toBe('payment-required');
    const [event] = decideEnroll(undefined, { ...paid, payment: { id: 'p-1' } });
    expect(event.payload.enrollment.paymentId).toBe('p-1');
  });

  it('given an enrollment, when the student enrolls again, then it is refused', () => {
    expect(refusalOf(() => decideEnroll(givenEnrolled(), enroll))).toBe('already-enrolled');
  });

  it('given an enrollment, when a first lesson is completed, then LessonCompleted carries the progress', () => {
    const [event, ...rest] = decideCompleteLesson(givenEnrolled(), complete('l-1'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: EnrollmentEvents.LessonCompleted,
      payload: {
        lessonId: 'l-1',
        completedAt: now.toISOString(),
        progress: { completedLessons: 1, totalLessons: 2, percentage: 50, status: 'in_progress' },
        enrollment: { status: 'in_progress', certificateId: null },
      },
    });
  });

  it('given all but one lesson completed, when the last is completed, then the course completes with a certificate', () => {
    const events = decideCompleteLesson(given(givenEnrolled(), 'l-1'), complete('l-2'));
    const completedState = { status: 'completed', certificateId: 'cert-1', completedAt: now.toISOString() };
    expect(events).toMatchObject([
      {
        type: EnrollmentEvents.LessonCompleted,
        payload: {
          progress: { completedLessons: 2, percentage: 100, status: 'completed' },
          enrollment: completedState,
        },
      },
      { type: EnrollmentEvents.CourseCompleted, payload: { certificateId: 'cert-1', enrollment: completedState } },
    ]);
    const after = given(givenEnrolled(), 'l-1', 'l-2');
    expect(after).toMatchObject({ status: 'completed', certificateId: 'cert-1' });
    expect(after.completions.map((c) => c.lessonId)).toEqual(['l-1', 'l-2']);
  });

  it('given a completed course that gained a lesson, when it is completed, then the certificate is not issued again', () => {
    const done = given(givenEnrolled(), 'l-1', 'l-2');
    const events = decideCompleteLesson(done, complete('l-3', [...lessons, 'l-3']));
    expect(events.map((e) => e.type)).toEqual([EnrollmentEvents.LessonCompleted]);
    expect(events[0].payload.enrollment).toMatchObject({ status: 'completed', certificateId: 'cert-1' });
  });

  it('given a completed lesson, when it is completed again, then it is refused', () => {
    expect(refusalOf(() => decideCompleteLesson(given(givenEnrolled(), 'l-1'), complete('l-1')))).toBe(
      'already-completed',
    );
  });

  it('when a lesson that is not in the course is completed, then it is refused', () => {
    expect(refusalOf(() => decideCompleteLesson(givenEnrolled(), complete('l-9')))).toBe('lesson-not-in-course');
  });

  it('counts progress against the lessons the course has now', () => {
    const events = decideCompleteLesson(given(givenEnrolled(), 'l-1'), complete('l-2', ['l-2', 'l-3', 'l-4']));
    expect(events[0].payload).toMatchObject({
      progress: { completedLessons: 1, totalLessons: 3, percentage: 33.33 },
    });
  });
});
