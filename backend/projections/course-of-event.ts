import type { AnyEvent } from '../aggregates/event-catalogue.js';
import { CourseEvents } from '../aggregates/course/course.events.js';
import { EnrollmentEvents } from '../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents } from '../aggregates/payment/payment.events.js';
import { ReviewEvents } from '../aggregates/review/review.events.js';

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
