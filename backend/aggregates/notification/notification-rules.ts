import type { EventHandlers } from '../../src/platform/projection/projection.js';
import type { EventMap } from '../event-catalogue.js';
import { EnrollmentEvents } from '../enrollment/enrollment.events.js';
import { IdentityEvents } from '../identity/user.events.js';
import { PaymentEvents } from '../payment/payment.events.js';
import { ReviewEvents } from '../review/review.events.js';
import type { Notice } from './notification.decider.js';

/** A course as the notices name it: its title, and its teacher (who hears of reviews). */
export interface CourseFacts {
  title: string;
  teacherId: string;
}

/** What the rules know beside the event: the courses a batch's events concern, from the catalog read model. */
export interface NoticeFacts {
  courses: ReadonlyMap<string, CourseFacts>;
}

/**
 * Who hears of what: each rule turns one event into the notices it calls for (none, one, or several). Pure:
 * the notification-rules policy loads the facts, and sends what the rules return.
 */
export const notificationRules: EventHandlers<EventMap, [NoticeFacts], Notice[]> = {
  [IdentityEvents.UserRegistered]: ({ payload: user }) => [
    {
      userId: user.userId,
      type: 'welcome',
      title: 'Welcome to EduPlatform',
      body:
        user.role === 'teacher'
          ? `Hi ${user.name}, your teacher account is ready. An admin will verify it so you can publish courses.`
          : `Hi ${user.name}, your account is ready. Find a course and start learning.`,
    },
  ],

  [IdentityEvents.TeacherVerified]: ({ payload: user }) => [
    {
      userId: user.userId,
      type: 'teacher_verified',
      title: 'Your teacher account is verified',
      body: 'You can now create and publish courses.',
    },
  ],

  [PaymentEvents.PaymentCompleted]: ({ payload: payment }, { courses }) => [
    {
      userId: payment.studentId,
      type: 'payment_completed',
      title: 'Payment received',
      body: `${payment.amount} paid for "${courses.get(payment.courseId)?.title ?? 'a course'}".`,
    },
  ],

  [EnrollmentEvents.StudentEnrolled]: ({ payload: { enrollment } }, { courses }) => [
    {
      userId: enrollment.studentId,
      type: 'enrolled',
      title: `Enrolled in "${courses.get(enrollment.courseId)?.title ?? 'a course'}"`,
      body: 'Your first lesson is waiting.',
    },
  ],

  // One milestone when a student passes half of the course; completing it has a notice of its own.
  [EnrollmentEvents.LessonCompleted]: ({ payload: { enrollment, progress } }, { courses }) => {
    const before = ((progress.completedLessons - 1) / progress.totalLessons) * 100;
    if (!(before < 50 && progress.percentage >= 50 && progress.percentage < 100)) return [];
    return [
      {
        userId: enrollment.studentId,
        type: 'milestone',
        title: `Halfway through "${courses.get(enrollment.courseId)?.title ?? 'your course'}"`,
        body: `${progress.completedLessons} of ${progress.totalLessons} lessons done. Keep going!`,
      },
    ];
  },

  [EnrollmentEvents.CourseCompleted]: ({ payload: { enrollment } }, { courses }) => [
    {
      userId: enrollment.studentId,
      type: 'course_completed',
      title: `You completed "${courses.get(enrollment.courseId)?.title ?? 'a course'}"`,
      body: `Your certificate: /certificates/${enrollment.certificateId}`,
    },
  ],

  // The teacher hears of each new review; without the course's card there is no one to tell.
  [ReviewEvents.ReviewPosted]: ({ payload: review }, { courses }) => {
    const course = courses.get(review.courseId);
    if (!course) return [];
    return [
      {
        userId: course.teacherId,
        type: 'review_posted',
        title: `New review of "${course.title}"`,
        body: `A student rated your course ${review.rating} out of 5.`,
      },
    ];
  },
};
