import { Counter } from 'prom-client';
import { ROLES } from '../auth/auth-user.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { handlerMap } from '../projection/projection.js';
import type { EventMap } from '../../../aggregates/event-catalogue.js';
import { IdentityEvents } from '../../../aggregates/identity/user.events.js';
import { EnrollmentEvents } from '../../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents } from '../../../aggregates/payment/payment.events.js';
import { ReviewEvents } from '../../../aggregates/review/review.events.js';
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

/** The business facts among the catalogued events, each counted its own way. */
const counts = handlerMap<EventMap, [], void>({
  [IdentityEvents.UserRegistered]: (e) => registrations.inc({ role: e.payload.role }),
  [PaymentEvents.PaymentCompleted]: (e) => {
    payments.inc();
    revenue.inc(Number(e.payload.amount));
  },
  [EnrollmentEvents.StudentEnrolled]: (e) =>
    enrollments.inc({ kind: e.payload.enrollment.paymentId ? 'paid' : 'free' }),
  [EnrollmentEvents.LessonCompleted]: () => lessonsCompleted.inc(),
  [EnrollmentEvents.CourseCompleted]: (e) => {
    coursesCompleted.inc();
    if (e.payload.certificateId) certificates.inc();
  },
  [ReviewEvents.ReviewPosted]: (e) => reviews.inc({ rating: String(e.payload.rating) }),
});

/**
 * Counts the business facts among the events a command wrote. Called once its statement is written, so a
 * version conflict or a constraint violation never counts.
 */
export function countBusinessEvent(event: DomainEvent): void {
  counts.get(event.type)?.(event);
}
