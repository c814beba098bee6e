import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { IdentityEvents, type UserSnapshot } from '../../aggregates/identity/user.events.js';
import {
  EnrollmentEvents,
  type EnrollmentState,
  type LessonCompletedPayload,
} from '../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents, type PaymentCompletedPayload } from '../../aggregates/payment/payment.aggregate.js';
import { ReviewEvents, type ReviewPostedPayload } from '../../aggregates/review/review.aggregate.js';
import { NotificationEvents, type NotificationView } from '../../aggregates/notification/notification.aggregate.js';

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

async function course(sql: SqlClient, courseId: string): Promise<{ title: string; teacher_id: string } | undefined> {
  const { rows } = await sql.query<{ title: string; teacher_id: string }>(
    'SELECT title, teacher_id FROM read.course_cards WHERE id = $1',
    [courseId],
  );
  return rows[0];
}

/**
 * Turns domain events into notifications for the people they concern (the notification service's own
 * records), and records NotificationCreated in its outbox so they are pushed live.
 */
@Injectable()
export class NotificationFeedProjection implements Projection {
  static readonly projectionName = 'notification-feed';
  readonly name = NotificationFeedProjection.projectionName;
  readonly tables = ['notification.notifications'];
  readonly handles = [
    IdentityEvents.UserRegistered,
    IdentityEvents.TeacherVerified,
    PaymentEvents.PaymentCompleted,
    EnrollmentEvents.StudentEnrolled,
    EnrollmentEvents.LessonCompleted,
    EnrollmentEvents.CourseCompleted,
    ReviewEvents.ReviewPosted,
  ];

  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    for (const notice of await this.noticesFor(event, sql)) {
      const view: NotificationView = {
        id: notificationId(event.id, notice.userId),
        user_id: notice.userId,
        type: notice.type,
        title: notice.title,
        body: notice.body,
        is_read: false,
        created_at: event.occurredAt,
      };
      const inserted = await sql.query(
        `INSERT INTO notification.notifications (id, user_id, type, title, body, is_read, created_at)
         VALUES ($1, $2, $3, $4, $5, false, $6) ON CONFLICT (id) DO NOTHING`,
        [view.id, view.user_id, view.type, view.title, view.body, view.created_at],
      );
      if (inserted.rowCount === 1) {
        await sql.query(
          `INSERT INTO notification.outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, payload, occurred_at)
           VALUES (gen_random_uuid(), $1, 'Notification', $2, 1, $3, now())`,
          [NotificationEvents.NotificationCreated, view.id, JSON.stringify(view)],
        );
      }
    }
  }

  private async noticesFor(event: DomainEvent, sql: SqlClient): Promise<Notice[]> {
    switch (event.type) {
      case IdentityEvents.UserRegistered: {
        const user = event.payload as UserSnapshot;
        const body =
          user.role === 'teacher'
            ? `Hi ${user.name}, your teacher account is ready. An admin will verify it so you can publish courses.`
            : `Hi ${user.name}, your account is ready. Find a course and start learning.`;
        return [{ userId: user.userId, type: 'welcome', title: 'Welcome to EduPlatform', body }];
      }
      case IdentityEvents.TeacherVerified: {
        const user = event.payload as UserSnapshot;
        return [
          {
            userId: user.userId,
            type: 'teacher_verified',
            title: 'Your teacher account is verified',
            body: 'You can now create and publish courses.',
          },
        ];
      }
      case PaymentEvents.PaymentCompleted: {
        const p = event.payload as PaymentCompletedPayload;
        const c = await course(sql, p.courseId);
        return [
          {
            userId: p.studentId,
            type: 'payment_completed',
            title: 'Payment received',
            body: `${p.amount} paid for "${c?.title ?? 'a course'}".`,
          },
        ];
      }
      case EnrollmentEvents.StudentEnrolled: {
        const e = (event.payload as { enrollment: EnrollmentState }).enrollment;
        const c = await course(sql, e.courseId);
        return [
          {
            userId: e.studentId,
            type: 'enrolled',
            title: `Enrolled in "${c?.title ?? 'a course'}"`,
            body: 'Your first lesson is waiting.',
          },
        ];
      }
      case EnrollmentEvents.LessonCompleted: {
        const { enrollment, progress } = event.payload as LessonCompletedPayload;
        // One milestone notice when a student passes half of the course (completion has its own notice).
        const before = ((progress.completed_lessons - 1) / progress.total_lessons) * 100;
        if (!(before < 50 && progress.percentage >= 50 && progress.percentage < 100)) return [];
        const c = await course(sql, enrollment.courseId);
        return [
          {
            userId: enrollment.studentId,
            type: 'milestone',
            title: `Halfway through "${c?.title ?? 'your course'}"`,
            body: `${progress.completed_lessons} of ${progress.total_lessons} lessons done. Keep going!`,
          },
        ];
      }
      case EnrollmentEvents.CourseCompleted: {
        const e = (event.payload as { enrollment: EnrollmentState }).enrollment;
        const c = await course(sql, e.courseId);
        return [
          {
            userId: e.studentId,
            type: 'course_completed',
            title: `You completed "${c?.title ?? 'a course'}"`,
            body: `Your certificate: /certificates/${e.certificateId}`,
          },
        ];
      }
      case ReviewEvents.ReviewPosted: {
        const r = event.payload as ReviewPostedPayload;
        const c = await course(sql, r.courseId);
        if (!c) return [];
        return [
          {
            userId: c.teacher_id,
            type: 'review_posted',
            title: `New review of "${c.title}"`,
            body: `A student rated your course ${r.rating} out of 5.`,
          },
        ];
      }
      default:
        return [];
    }
  }
}
