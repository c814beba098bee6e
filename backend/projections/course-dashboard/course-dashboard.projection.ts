import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlClient, SqlPool } from '../../src/platform/database/pg-pool.js';
import type { ProjectionBatch } from '../../src/platform/projection/projection-batch.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import { courseOfEvent, type AnyEvent, type EventMap } from '../../aggregates/event-catalogue.js';
import { CourseEvents } from '../../aggregates/course/course.events.js';
import { EnrollmentEvents } from '../../aggregates/enrollment/enrollment.events.js';
import { PaymentEvents } from '../../aggregates/payment/payment.events.js';
import { ReviewEvents } from '../../aggregates/review/review.events.js';
import { reviewStats } from '../review-stats.js';
import { CourseDashboardQuery } from './course-dashboard.query.js';

function touchActivity(batch: ProjectionBatch, courseId: string, studentId: string, at: string): void {
  batch.keepGreatest('read.course_activity', { course_id: courseId, student_id: studentId }, { last_active_at: at });
}

/**
 * The teacher's live dashboard per course: enrollments (total and per day), active learners, completions,
 * the completion funnel, ratings and revenue. After each batch commits, the new stats of every course it
 * changed are pushed to that course's dashboard room.
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
  readonly handlers = handlerMap<EventMap>({
    [CourseEvents.CourseCreated]: ({ payload }, batch) =>
      batch.insertOnce('read.course_stats', ['course_id'], { course_id: payload.courseId }),
    [EnrollmentEvents.StudentEnrolled]: ({ payload: { enrollment: e } }, batch) => {
      batch.increment('read.course_stats', { course_id: e.courseId }, { enrollment_count: 1 });
      // enrolledAt is an ISO time in UTC: its first ten characters are the UTC day.
      batch.increment(
        'read.course_enrollments_daily',
        { course_id: e.courseId, day: e.enrolledAt.slice(0, 10) },
        { count: 1 },
      );
      touchActivity(batch, e.courseId, e.studentId, e.enrolledAt);
    },
    [EnrollmentEvents.LessonCompleted]: ({ payload: { enrollment, lessonId, completedAt } }, batch) => {
      batch.increment('read.lesson_funnel', { course_id: enrollment.courseId, lesson_id: lessonId }, { completed: 1 });
      touchActivity(batch, enrollment.courseId, enrollment.studentId, completedAt);
    },
    [EnrollmentEvents.CourseCompleted]: ({ payload: { enrollment } }, batch) =>
      batch.increment('read.course_stats', { course_id: enrollment.courseId }, { completions: 1 }),
    // revenue is numeric(12, 2): a batch's sum of two-decimal amounts lands on the exact cents.
    [PaymentEvents.PaymentCompleted]: ({ payload }, batch) =>
      batch.increment('read.course_stats', { course_id: payload.courseId }, { revenue: Number(payload.amount) }),
    [ReviewEvents.ReviewPosted]: ({ payload }, batch) =>
      batch.increment('read.course_stats', { course_id: payload.courseId }, reviewStats.posted(payload.rating)),
    [ReviewEvents.ReviewEdited]: ({ payload }, batch) =>
      batch.increment(
        'read.course_stats',
        { course_id: payload.courseId },
        reviewStats.edited(payload.previousRating, payload.rating),
      ),
  });
  private readonly query?: CourseDashboardQuery;

  constructor(
    @Optional() private readonly live?: LiveEmitter,
    @Optional() @Inject(SQL_POOL) pool?: SqlPool,
  ) {
    this.query = pool && new CourseDashboardQuery(pool);
  }

  async afterCommit(events: readonly AnyEvent[]): Promise<void> {
    if (!this.live || !this.query) return;
    const courses = [...new Set(events.map(courseOfEvent).filter((id) => id !== undefined))];
    if (courses.length === 0) return;
    for (const stats of await this.query.statsOf(courses)) {
      this.live.emit(rooms.dashboard(stats.course_id), 'course.stats', stats);
    }
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
