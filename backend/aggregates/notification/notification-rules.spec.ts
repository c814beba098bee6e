import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { EventMap, EventType } from '../event-catalogue.js';
import { EnrollmentEvents, type EnrollmentState, type Progress } from '../enrollment/enrollment.events.js';
import { IdentityEvents, type UserSnapshot } from '../identity/user.events.js';
import { PaymentEvents } from '../payment/payment.events.js';
import { ReviewEvents } from '../review/review.events.js';
import { notificationRules, type NoticeFacts } from './notification-rules.js';

const course = { id: 'c-1', title: 'Python', teacherId: 't-1' };
const known: NoticeFacts = { courses: new Map([[course.id, { title: course.title, teacherId: course.teacherId }]]) };
const unknown: NoticeFacts = { courses: new Map() };

/** When `event` of `type` arrives, then the rule returns these notices. */
function when<K extends EventType>(type: K, payload: EventMap[K], facts = known) {
  const event: DomainEvent<K, EventMap[K]> = {
    id: 'e-1',
    type,
    aggregateType: 'Any',
    aggregateId: 'a-1',
    aggregateVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    payload,
  };
  const rule = notificationRules[type];
  if (!rule) throw new Error(`no rule for ${type}`);
  return rule(event, facts);
}

const user = (role: UserSnapshot['role']): UserSnapshot => ({
  userId: 'u-1',
  email: 'ada@example.com',
  name: 'Ada',
  role,
  isVerified: role !== 'teacher',
  createdAt: '2026-03-01T10:00:00.000Z',
});
const enrollment: EnrollmentState = {
  enrollmentId: 'en-1',
  studentId: 's-1',
  courseId: course.id,
  paymentId: null,
  status: 'in_progress',
  enrolledAt: '2026-03-01T10:00:00.000Z',
  completedAt: null,
  certificateId: null,
};
const progress = (completed: number, total: number): Progress => ({
  completedLessons: completed,
  totalLessons: total,
  percentage: Math.round((completed / total) * 100),
  status: completed === total ? 'completed' : 'in_progress',
});
const lessonCompleted = (completed: number, total: number) =>
  when(EnrollmentEvents.LessonCompleted, {
    enrollment,
    completionId: 'c-1',
    lessonId: 'l-1',
    completedAt: '2026-03-01T10:00:00.000Z',
    progress: progress(completed, total),
  });

describe('notification rules', () => {
  it('welcomes a new student', () => {
    expect(when(IdentityEvents.UserRegistered, user('student'))).toEqual([
      {
        userId: 'u-1',
        type: 'welcome',
        title: 'Welcome to EduPlatform',
        body: 'Hi Ada, your account is ready. Find a course and start learning.',
      },
    ]);
  });

  it('welcomes a new teacher with word of the verification to come', () => {
    expect(when(IdentityEvents.UserRegistered, user('teacher'))).toEqual([
      expect.objectContaining({
        userId: 'u-1',
        type: 'welcome',
        body: expect.stringContaining('An admin will verify'),
      }),
    ]);
  });

  it('tells a teacher once verified', () => {
    expect(when(IdentityEvents.TeacherVerified, { ...user('teacher'), isVerified: true })).toEqual([
      {
        userId: 'u-1',
        type: 'teacher_verified',
        title: 'Your teacher account is verified',
        body: 'You can now create and publish courses.',
      },
    ]);
  });

  it('confirms a payment to the student, naming the course', () => {
    const payment = {
      paymentId: 'p-1',
      studentId: 's-1',
      courseId: course.id,
      amount: '49.99',
      idempotencyKey: null,
      createdAt: '',
    };
    expect(when(PaymentEvents.PaymentCompleted, payment)).toEqual([
      { userId: 's-1', type: 'payment_completed', title: 'Payment received', body: '49.99 paid for "Python".' },
    ]);
    expect(when(PaymentEvents.PaymentCompleted, payment, unknown)[0].body).toBe('49.99 paid for "a course".');
  });

  it('confirms an enrollment to the student', () => {
    expect(when(EnrollmentEvents.StudentEnrolled, { enrollment })).toEqual([
      { userId: 's-1', type: 'enrolled', title: 'Enrolled in "Python"', body: 'Your first lesson is waiting.' },
    ]);
  });

  it('marks the halfway milestone once: on the lesson that passes half of the course', () => {
    expect(lessonCompleted(2, 4)).toEqual([
      {
        userId: 's-1',
        type: 'milestone',
        title: 'Halfway through "Python"',
        body: '2 of 4 lessons done. Keep going!',
      },
    ]);
    expect(lessonCompleted(3, 5)).toHaveLength(1); // 40% → 60%
    expect(lessonCompleted(1, 4)).toEqual([]);
    expect(lessonCompleted(3, 4)).toEqual([]); // passed half before
  });

  it('leaves the milestone to the completion notice when one lesson finishes the course', () => {
    expect(lessonCompleted(1, 1)).toEqual([]);
    expect(lessonCompleted(2, 2)).toEqual([]);
  });

  it('congratulates on a completed course with the certificate', () => {
    const completed = { ...enrollment, status: 'completed' as const, certificateId: 'cert-1' };
    expect(when(EnrollmentEvents.CourseCompleted, { certificateId: 'cert-1', enrollment: completed })).toEqual([
      {
        userId: 's-1',
        type: 'course_completed',
        title: 'You completed "Python"',
        body: 'Your certificate: /certificates/cert-1',
      },
    ]);
  });

  it("tells the course's teacher of a new review, and no one when the course is unknown", () => {
    const review = { reviewId: 'r-1', courseId: course.id, studentId: 's-1', rating: 4, comment: '', createdAt: '' };
    expect(when(ReviewEvents.ReviewPosted, review)).toEqual([
      {
        userId: 't-1',
        type: 'review_posted',
        title: 'New review of "Python"',
        body: 'A student rated your course 4 out of 5.',
      },
    ]);
    expect(when(ReviewEvents.ReviewPosted, review, unknown)).toEqual([]);
  });

  it('has a spec above for every rule', () => {
    expect(Object.keys(notificationRules).sort()).toEqual(
      [
        IdentityEvents.UserRegistered,
        IdentityEvents.TeacherVerified,
        PaymentEvents.PaymentCompleted,
        EnrollmentEvents.StudentEnrolled,
        EnrollmentEvents.LessonCompleted,
        EnrollmentEvents.CourseCompleted,
        ReviewEvents.ReviewPosted,
      ].sort(),
    );
  });
});
