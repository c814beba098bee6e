import type { DomainEvent } from '../src/platform/domain/domain-event.js';
import { CourseEvents, type CourseDetails, type CurriculumRevised } from './course/course.events.js';
import { EnrollmentEvents, type EnrollmentState, type LessonCompletedPayload } from './enrollment/enrollment.events.js';
import { IdentityEvents, type UserSnapshot } from './identity/user.events.js';
import { NotificationEvents, type NotificationView } from './notification/notification.events.js';
import { PaymentEvents, type PaymentCompletedPayload } from './payment/payment.events.js';
import { ReviewEvents, type ReviewEditedPayload, type ReviewPostedPayload } from './review/review.events.js';

/**
 * Every event the aggregates record, by type, with its payload: the one catalogue projections, policies and
 * the outbox relay are typed against. Adding an event means adding it here.
 */
export interface EventMap {
  [IdentityEvents.UserRegistered]: UserSnapshot;
  [IdentityEvents.TeacherVerified]: UserSnapshot;

  [CourseEvents.CourseCreated]: CourseDetails;
  [CourseEvents.CourseUpdated]: CourseDetails;
  [CourseEvents.CoursePublished]: CourseDetails;
  [CourseEvents.ModuleAdded]: { courseId: string; moduleId: string; title: string };
  [CourseEvents.ModuleUpdated]: { courseId: string; moduleId: string; title: string };
  [CourseEvents.ModuleRemoved]: { courseId: string; moduleId: string; lessonIds: string[] };
  [CourseEvents.LessonAdded]: { courseId: string; moduleId: string; lessonId: string; title: string };
  [CourseEvents.LessonUpdated]: { courseId: string; lessonId: string; title: string };
  [CourseEvents.LessonRemoved]: { courseId: string; moduleId: string; lessonId: string };
  [CourseEvents.CurriculumRevised]: CurriculumRevised;

  [ReviewEvents.ReviewPosted]: ReviewPostedPayload;
  [ReviewEvents.ReviewEdited]: ReviewEditedPayload;

  [PaymentEvents.PaymentCompleted]: PaymentCompletedPayload;

  [EnrollmentEvents.StudentEnrolled]: { enrollment: EnrollmentState };
  [EnrollmentEvents.LessonCompleted]: LessonCompletedPayload;
  [EnrollmentEvents.CourseCompleted]: { certificateId: string; enrollment: EnrollmentState };

  [NotificationEvents.NotificationCreated]: NotificationView;
  [NotificationEvents.NotificationRead]: { id: string; user_id: string };
}

export type EventType = keyof EventMap & string;

/** One catalogued event: its `type` narrows its payload. */
export type AnyEvent = { [K in EventType]: DomainEvent<K, EventMap[K]> }[EventType];

/** The course an event concerns, for the events that concern one. */
export function courseOfEvent(event: AnyEvent): string | undefined {
  switch (event.type) {
    case CourseEvents.CourseCreated:
    case PaymentEvents.PaymentCompleted:
    case ReviewEvents.ReviewPosted:
    case ReviewEvents.ReviewEdited:
      return event.payload.courseId;
    case EnrollmentEvents.StudentEnrolled:
    case EnrollmentEvents.LessonCompleted:
    case EnrollmentEvents.CourseCompleted:
      return event.payload.enrollment.courseId;
    default:
      return undefined;
  }
}
