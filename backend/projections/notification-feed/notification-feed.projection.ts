import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { ProjectionBatch } from '../../src/platform/projection/projection-batch.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import type { AnyEvent, EventMap } from '../../aggregates/event-catalogue.js';
import { IdentityEvents } from '../../aggregates/identity/user.events.js';
import { EnrollmentEvents } from '../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents } from '../../aggregates/payment/payment.events.js';
import { ReviewEvents } from '../../aggregates/review/review.events.js';
import { courseOfEvent } from '../course-of-event.js';
import { NotificationEvents, type NotificationView } from '../../aggregates/notification/notification.events.js';

interface Notice {
  userId: string;
  type: string;
  title: string;
  body: string;
}

/** The same event always yields the same notification id per recipient, so a replay inserts nothing new. */
function notificationId(eventId: string, userId: string): string {
  const h = createHash('sha256').update(`${eventId}:${userId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface CourseFacts {
  title: string;
  teacher_id: string;
}

/** The course's title and teacher: loaded ahead for the whole batch (`prepare`), or read on demand. */
async function course(batch: ProjectionBatch, courseId: string): Promise<CourseFacts | undefined> {
  return batch.memo(`course:${courseId}`, async () => (await loadCourses(batch, [courseId])).get(courseId));
}

async function loadCourses(batch: ProjectionBatch, courseIds: readonly string[]): Promise<Map<string, CourseFacts>> {
  const { rows } = await batch.sql.query<CourseFacts & { id: string }>(
    'SELECT id, title, teacher_id FROM read.course_cards WHERE id = ANY($1::uuid[])',
    [courseIds],
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

/**
 * Stores the notice for its recipient, and NotificationCreated in the notification outbox so it is pushed
 * live. Ids follow from the event and recipient, so a replay adds nothing new.
 */
function send(batch: ProjectionBatch, event: DomainEvent, notice: Notice): void {
  const view: NotificationView = {
    id: notificationId(event.id, notice.userId),
    user_id: notice.userId,
    type: notice.type,
    title: notice.title,
    body: notice.body,
    is_read: false,
    created_at: event.occurredAt,
  };
  batch.insertOnce('notification.notifications', ['id'], view);
  batch.insertOnce('notification.outbox', ['event_id'], {
    event_id: notificationId(view.id, 'created'),
    event_type: NotificationEvents.NotificationCreated,
    aggregate_type: 'Notification',
    aggregate_id: view.id,
    aggregate_version: 1,
    payload: view,
    occurred_at: new Date().toISOString(),
  });
}

/** Turns domain events into notifications for the people they concern (the notification service's own records). */
@Injectable()
export class NotificationFeedProjection implements Projection {
  static readonly projectionName = 'notification-feed';
  readonly name = NotificationFeedProjection.projectionName;
  readonly tables = ['notification.notifications'];

  /** One read of every course the batch's notices name, instead of one per event. */
  async prepare(events: readonly AnyEvent[], batch: ProjectionBatch): Promise<void> {
    const ids = [...new Set(events.map(courseOfEvent).filter((id) => id !== undefined))];
    if (ids.length === 0) return;
    const courses = await loadCourses(batch, ids);
    for (const id of ids) batch.remember(`course:${id}`, courses.get(id));
  }
  readonly handlers = handlerMap<EventMap>({
    [IdentityEvents.UserRegistered]: (event, batch) => {
      const user = event.payload;
      const body =
        user.role === 'teacher'
          ? `Hi ${user.name}, your teacher account is ready. An admin will verify it so you can publish courses.`
          : `Hi ${user.name}, your account is ready. Find a course and start learning.`;
      send(batch, event, { userId: user.userId, type: 'welcome', title: 'Welcome to EduPlatform', body });
    },
    [IdentityEvents.TeacherVerified]: (event, batch) =>
      send(batch, event, {
        userId: event.payload.userId,
        type: 'teacher_verified',
        title: 'Your teacher account is verified',
        body: 'You can now create and publish courses.',
      }),
    [PaymentEvents.PaymentCompleted]: async (event, batch) => {
      const p = event.payload;
      const c = await course(batch, p.courseId);
      send(batch, event, {
        userId: p.studentId,
        type: 'payment_completed',
        title: 'Payment received',
        body: `${p.amount} paid for "${c?.title ?? 'a course'}".`,
      });
    },
    [EnrollmentEvents.StudentEnrolled]: async (event, batch) => {
      const e = event.payload.enrollment;
      const c = await course(batch, e.courseId);
      send(batch, event, {
        userId: e.studentId,
        type: 'enrolled',
        title: `Enrolled in "${c?.title ?? 'a course'}"`,
        body: 'Your first lesson is waiting.',
      });
    },
    [EnrollmentEvents.LessonCompleted]: async (event, batch) => {
      const { enrollment, progress } = event.payload;
      // One milestone notice when a student passes half of the course (completion has its own notice).
      const before = ((progress.completed_lessons - 1) / progress.total_lessons) * 100;
      if (!(before < 50 && progress.percentage >= 50 && progress.percentage < 100)) return;
      const c = await course(batch, enrollment.courseId);
      send(batch, event, {
        userId: enrollment.studentId,
        type: 'milestone',
        title: `Halfway through "${c?.title ?? 'your course'}"`,
        body: `${progress.completed_lessons} of ${progress.total_lessons} lessons done. Keep going!`,
      });
    },
    [EnrollmentEvents.CourseCompleted]: async (event, batch) => {
      const e = event.payload.enrollment;
      const c = await course(batch, e.courseId);
      send(batch, event, {
        userId: e.studentId,
        type: 'course_completed',
        title: `You completed "${c?.title ?? 'a course'}"`,
        body: `Your certificate: /certificates/${e.certificateId}`,
      });
    },
    [ReviewEvents.ReviewPosted]: async (event, batch) => {
      const r = event.payload;
      const c = await course(batch, r.courseId);
      if (!c) return;
      send(batch, event, {
        userId: c.teacher_id,
        type: 'review_posted',
        title: `New review of "${c.title}"`,
        body: `A student rated your course ${r.rating} out of 5.`,
      });
    },
  });
}
