import { Counter } from 'prom-client';
import { ROLES } from '../auth/auth-user.js';
import type { RecordedEvent } from '../domain/domain-event.js';
import { IdentityEvents, type UserSnapshot } from '../../../aggregates/identity/user.events.js';
import { EnrollmentEvents, type EnrollmentState } from '../../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents, type PaymentCompletedPayload } from '../../../aggregates/payment/payment.events.js';
import { ReviewEvents, type ReviewPostedPayload } from '../../../aggregates/review/review.events.js';
import { registry } from './metrics.js';

function counter(name: string, help: string, labelNames: string[] = []): Counter {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

const registrations = counter('business_registrations_total', 'Users registered, by role', ['role']);
const payments = counter('business_payments_total', 'Payments completed');
const revenue = counter('business_revenue_total', 'Sum of completed payments, in the course price currency');
const enrollments = counter('business_enrollments_total', 'Students enrolled, by free or paid course', ['kind']);
const lessonsCompleted = counter('business_lessons_completed_total', 'Lessons marked complete');
const coursesCompleted = counter('business_courses_completed_total', 'Enrollments that reached 100%');
const certificates = counter('business_certificates_issued_total', 'Certificates issued on course completion');
const reviews = counter('business_reviews_posted_total', 'Reviews posted, by rating', ['rating']);

// Every bounded label value starts at zero, so a dashboard shows a flat line rather than "no data".
for (const role of ROLES) registrations.inc({ role }, 0);
for (const kind of ['free', 'paid']) enrollments.inc({ kind }, 0);
for (const rating of ['1', '2', '3', '4', '5']) reviews.inc({ rating }, 0);
for (const c of [payments, revenue, lessonsCompleted, coursesCompleted, certificates]) c.inc(0);

/**
 * Counts the business facts among the events a command writes to its outbox. Called after the state change
 * flushed (so a version conflict or a constraint violation never counts), inside the command's transaction:
 * only a connection lost at COMMIT could make a count differ from what was stored.
 */
export function countBusinessEvent(event: RecordedEvent): void {
  switch (event.type) {
    case IdentityEvents.UserRegistered:
      registrations.inc({ role: (event.payload as UserSnapshot).role });
      break;
    case PaymentEvents.PaymentCompleted:
      payments.inc();
      revenue.inc(Number((event.payload as PaymentCompletedPayload).amount));
      break;
    case EnrollmentEvents.StudentEnrolled:
      enrollments.inc({
        kind: (event.payload as { enrollment: EnrollmentState }).enrollment.paymentId ? 'paid' : 'free',
      });
      break;
    case EnrollmentEvents.LessonCompleted:
      lessonsCompleted.inc();
      break;
    case EnrollmentEvents.CourseCompleted:
      coursesCompleted.inc();
      if ((event.payload as { certificateId: string | null }).certificateId) certificates.inc();
      break;
    case ReviewEvents.ReviewPosted:
      reviews.inc({ rating: String((event.payload as ReviewPostedPayload).rating) });
      break;
  }
}
