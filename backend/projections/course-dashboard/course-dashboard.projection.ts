import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlClient, SqlPool } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import { CourseEvents, type CourseDetails } from '../../aggregates/course/course.events.js';
import {
  EnrollmentEvents,
  type EnrollmentState,
  type LessonCompletedPayload,
} from '../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents, type PaymentCompletedPayload } from '../../aggregates/payment/payment.aggregate.js';
import {
  ReviewEvents,
  type ReviewEditedPayload,
  type ReviewPostedPayload,
} from '../../aggregates/review/review.aggregate.js';
import { reviewStats } from '../review-stats.js';
import { CourseDashboardQuery } from './course-dashboard.query.js';

/** The course an event changes the dashboard of. */
function courseOf(event: DomainEvent): string {
  const payload = event.payload as { courseId?: string; enrollment?: EnrollmentState };
  return payload.enrollment?.courseId ?? payload.courseId!;
}

async function bump(sql: SqlClient, courseId: string, set: string, params: unknown[] = []): Promise<void> {
  // The row normally exists since CourseCreated; creating it here keeps any delivery order correct.
  await sql.query('INSERT INTO read.course_stats (course_id) VALUES ($1) ON CONFLICT DO NOTHING', [courseId]);
  await sql.query(`UPDATE read.course_stats SET ${set} WHERE course_id = $1`, [courseId, ...params]);
}

async function touchActivity(sql: SqlClient, courseId: string, studentId: string, at: string): Promise<void> {
  await sql.query(
    `INSERT INTO read.course_activity (course_id, student_id, last_active_at) VALUES ($1, $2, $3)
     ON CONFLICT (course_id, student_id) DO UPDATE SET last_active_at = greatest(read.course_activity.last_active_at, EXCLUDED.last_active_at)`,
    [courseId, studentId, at],
  );
}

/**
 * The teacher's live dashboard per course: enrollments (total and per day), active learners, completions,
 * the completion funnel, ratings and revenue. After each change commits, the new stats are pushed to the
 * course's dashboard room.
 */
@Injectable()
export class CourseDashboardProjection implements Projection {
  static readonly projectionName = 'course-dashboard';
  readonly name = CourseDashboardProjection.projectionName;
  readonly tables = [
    'read.course_stats',
    'read.course_enrollments_daily',
    'read.course_activity',
    'read.lesson_funnel',
  ];
  readonly handles = [
    CourseEvents.CourseCreated,
    EnrollmentEvents.StudentEnrolled,
    EnrollmentEvents.LessonCompleted,
    EnrollmentEvents.CourseCompleted,
    PaymentEvents.PaymentCompleted,
    ReviewEvents.ReviewPosted,
    ReviewEvents.ReviewEdited,
  ];
  private readonly query?: CourseDashboardQuery;

  constructor(
    @Optional() private readonly live?: LiveEmitter,
    @Optional() @Inject(SQL_POOL) pool?: SqlPool,
  ) {
    this.query = pool && new CourseDashboardQuery(pool);
  }

  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    const courseId = courseOf(event);
    switch (event.type) {
      case CourseEvents.CourseCreated:
        await sql.query('INSERT INTO read.course_stats (course_id) VALUES ($1) ON CONFLICT DO NOTHING', [
          (event.payload as CourseDetails).courseId,
        ]);
        return;
      case EnrollmentEvents.StudentEnrolled: {
        const e = (event.payload as { enrollment: EnrollmentState }).enrollment;
        await bump(sql, courseId, 'enrollment_count = enrollment_count + 1');
        await sql.query(
          `INSERT INTO read.course_enrollments_daily (course_id, day, count) VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, 1)
           ON CONFLICT (course_id, day) DO UPDATE SET count = read.course_enrollments_daily.count + 1`,
          [courseId, e.enrolledAt],
        );
        await touchActivity(sql, courseId, e.studentId, e.enrolledAt);
        return;
      }
      case EnrollmentEvents.LessonCompleted: {
        const { enrollment, lessonId, completedAt } = event.payload as LessonCompletedPayload;
        await sql.query(
          `INSERT INTO read.lesson_funnel (course_id, lesson_id, completed) VALUES ($1, $2, 1)
           ON CONFLICT (course_id, lesson_id) DO UPDATE SET completed = read.lesson_funnel.completed + 1`,
          [courseId, lessonId],
        );
        await touchActivity(sql, courseId, enrollment.studentId, completedAt);
        return;
      }
      case EnrollmentEvents.CourseCompleted:
        await bump(sql, courseId, 'completions = completions + 1');
        return;
      case PaymentEvents.PaymentCompleted:
        await bump(sql, courseId, 'revenue = revenue + $2::numeric', [
          (event.payload as PaymentCompletedPayload).amount,
        ]);
        return;
      case ReviewEvents.ReviewPosted: {
        const { rating } = event.payload as ReviewPostedPayload;
        await bump(sql, courseId, reviewStats.posted, [rating]);
        return;
      }
      case ReviewEvents.ReviewEdited: {
        const { previousRating, rating } = event.payload as ReviewEditedPayload;
        if (previousRating === rating) return;
        await bump(sql, courseId, reviewStats.edited, [previousRating, rating]);
        return;
      }
    }
  }

  async afterCommit(event: DomainEvent): Promise<void> {
    if (!this.live || !this.query) return;
    const courseId = courseOf(event);
    const stats = await this.query.stats(courseId);
    if (stats) this.live.emit(rooms.dashboard(courseId), 'course.stats', stats);
  }

  async rebuild(sql: SqlClient): Promise<void> {
    for (const table of this.tables) await sql.query(`DELETE FROM ${table}`);
    await sql.query(
      `INSERT INTO read.course_stats (course_id, enrollment_count, completions, review_count, rating_sum, rating_histogram, revenue)
       SELECT c.id, coalesce(e.enrolled, 0), coalesce(e.completed, 0), coalesce(r.n, 0), coalesce(r.total, 0),
              coalesce(r.histogram, '{0,0,0,0,0}'), coalesce(p.revenue, 0)
         FROM course.courses c
         LEFT JOIN (SELECT course_id, count(*) AS enrolled, count(*) FILTER (WHERE status = 'completed') AS completed
                      FROM enrollment.enrollments GROUP BY course_id) e ON e.course_id = c.id
         LEFT JOIN (${reviewStats.byCourse}) r ON r.course_id = c.id
         LEFT JOIN (SELECT course_id, sum(amount) AS revenue FROM payment.payments WHERE status = 'completed'
                     GROUP BY course_id) p ON p.course_id = c.id`,
    );
    await sql.query(
      `INSERT INTO read.course_enrollments_daily (course_id, day, count)
       SELECT course_id, (enrolled_at AT TIME ZONE 'UTC')::date, count(*) FROM enrollment.enrollments GROUP BY 1, 2`,
    );
    await sql.query(
      `INSERT INTO read.course_activity (course_id, student_id, last_active_at)
       SELECT e.course_id, e.student_id, greatest(e.enrolled_at, max(c.completed_at))
         FROM enrollment.enrollments e LEFT JOIN enrollment.lesson_completions c ON c.enrollment_id = e.id
        GROUP BY e.id`,
    );
    await sql.query(
      `INSERT INTO read.lesson_funnel (course_id, lesson_id, completed)
       SELECT e.course_id, c.lesson_id, count(*)
         FROM enrollment.lesson_completions c JOIN enrollment.enrollments e ON e.id = c.enrollment_id
        GROUP BY 1, 2`,
    );
  }
}
