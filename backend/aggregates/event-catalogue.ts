import type { Decided } from '../src/platform/domain/decider.js';
import type { DomainEvent } from '../src/platform/domain/domain-event.js';
import {
  CourseEvents,
  type CourseDetails,
  type CurriculumRevised,
  type LessonAddedPayload,
  type LessonRemovedPayload,
  type LessonUpdatedPayload,
  type ModuleAddedPayload,
  type ModuleRemovedPayload,
  type ModuleUpdatedPayload,
} from './course/course.events.js';
import {
  EnrollmentEvents,
  type CourseCompletedPayload,
  type EnrollmentState,
  type LessonCompletedPayload,
} from './enrollment/enrollment.events.js';
import { IdentityEvents, type UserSnapshot } from './identity/user.events.js';
import {
  NotificationEvents,
  type NotificationCreatedPayload,
  type NotificationReadPayload,
} from './notification/notification.events.js';
import { PaymentEvents, type PaymentCompletedPayload } from './payment/payment.events.js';
import { ReviewEvents, type ReviewEditedPayload, type ReviewPostedPayload } from './review/review.events.js';

/**
 * Every event the aggregates record, by type, with its payload: the one catalogue projections, policies and
 * the outbox relay are typed against. Adding an event means adding it here. Payloads use the domain's names
 * (projections map them to the API's); changing a payload's shape means an upcaster in event-upcasters.ts.
 */
export interface EventMap {
  [IdentityEvents.UserRegistered]: UserSnapshot;
  [IdentityEvents.TeacherVerified]: UserSnapshot;

  [CourseEvents.CourseCreated]: CourseDetails;
  [CourseEvents.CourseUpdated]: CourseDetails;
  [CourseEvents.CoursePublished]: CourseDetails;
  [CourseEvents.ModuleAdded]: ModuleAddedPayload;
  [CourseEvents.ModuleUpdated]: ModuleUpdatedPayload;
  [CourseEvents.ModuleRemoved]: ModuleRemovedPayload;
  [CourseEvents.LessonAdded]: LessonAddedPayload;
  [CourseEvents.LessonUpdated]: LessonUpdatedPayload;
  [CourseEvents.LessonRemoved]: LessonRemovedPayload;
  [CourseEvents.CurriculumRevised]: CurriculumRevised;

  [ReviewEvents.ReviewPosted]: ReviewPostedPayload;
  [ReviewEvents.ReviewEdited]: ReviewEditedPayload;

  [PaymentEvents.PaymentCompleted]: PaymentCompletedPayload;

  [EnrollmentEvents.StudentEnrolled]: { enrollment: EnrollmentState };
  [EnrollmentEvents.LessonCompleted]: LessonCompletedPayload;
  [EnrollmentEvents.CourseCompleted]: CourseCompletedPayload;

  [NotificationEvents.NotificationCreated]: NotificationCreatedPayload;
  [NotificationEvents.NotificationRead]: NotificationReadPayload;
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
/** Catalogued events as a decider returns them, before the outbox stamps ids, versions and times. */
export type DecidedEvent<K extends EventType = EventType> = { [T in K]: Decided<T, EventMap[T]> }[K];

/** The event types of one aggregate's `*Events` table. */
export type EventTypeOf<Table extends Record<string, EventType>> = Table[keyof Table];
