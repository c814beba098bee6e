import { Injectable, Optional } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import {
  EnrollmentEvents,
  type EnrollmentState,
  type LessonCompletedPayload,
} from '../../aggregates/enrollment/enrollment.events.js';

/** read.student_courses (each enrollment's state) and read.lesson_completions (what each student completed). */
@Injectable()
export class LearningProgressProjection implements Projection {
  static readonly projectionName = 'learning-progress';
  readonly name = LearningProgressProjection.projectionName;
  readonly tables = ['read.student_courses', 'read.lesson_completions'];
  readonly handles = [
    EnrollmentEvents.StudentEnrolled,
    EnrollmentEvents.LessonCompleted,
    EnrollmentEvents.CourseCompleted,
  ];

  constructor(@Optional() private readonly live?: LiveEmitter) {}

  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    const e = (event.payload as { enrollment: EnrollmentState }).enrollment;
    await sql.query(
      `INSERT INTO read.student_courses
         (student_id, course_id, enrolled_at, enrollment_id, payment_id, status, completed_at, certificate_id, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (student_id, course_id) DO UPDATE SET status = EXCLUDED.status, completed_at = EXCLUDED.completed_at,
         certificate_id = EXCLUDED.certificate_id, version = EXCLUDED.version
       WHERE read.student_courses.version < EXCLUDED.version`,
      [
        e.studentId,
        e.courseId,
        e.enrolledAt,
        e.enrollmentId,
        e.paymentId,
        e.status,
        e.completedAt,
        e.certificateId,
        event.aggregateVersion,
      ],
    );
    if (event.type === EnrollmentEvents.LessonCompleted) {
      const { lessonId, completedAt } = event.payload as LessonCompletedPayload;
      await sql.query(
        `INSERT INTO read.lesson_completions (student_id, course_id, lesson_id, completed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [e.studentId, e.courseId, lessonId, completedAt],
      );
    }
  }

  /** The student sees their progress move: the numbers the command computed, now in the read model. */
  async afterCommit(event: DomainEvent): Promise<void> {
    if (event.type !== EnrollmentEvents.LessonCompleted) return;
    const { enrollment, progress } = event.payload as LessonCompletedPayload;
    this.live?.emit(rooms.user(enrollment.studentId), 'progress.updated', {
      course_id: enrollment.courseId,
      ...progress,
    });
  }

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.student_courses');
    await sql.query('DELETE FROM read.lesson_completions');
    await sql.query(
      `INSERT INTO read.student_courses
         (student_id, course_id, enrolled_at, enrollment_id, payment_id, status, completed_at, certificate_id, version)
       SELECT student_id, course_id, enrolled_at, id, payment_id, status, completed_at, certificate_id, version
         FROM enrollment.enrollments`,
    );
    await sql.query(
      `INSERT INTO read.lesson_completions (student_id, course_id, lesson_id, completed_at)
       SELECT e.student_id, e.course_id, c.lesson_id, c.completed_at
         FROM enrollment.lesson_completions c JOIN enrollment.enrollments e ON e.id = c.enrollment_id`,
    );
  }
}
