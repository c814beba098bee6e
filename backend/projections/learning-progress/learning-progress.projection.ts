import { Injectable, Optional } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { ProjectionBatch } from '../../src/platform/projection/projection-batch.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import type { AnyEvent, EventMap } from '../../aggregates/event-catalogue.js';
import { EnrollmentEvents, type EnrollmentState } from '../../aggregates/enrollment/enrollment.events.js';

/** Every enrollment event carries the enrollment's state as of its version; the newest version wins. */
function saveEnrollment(event: DomainEvent<string, { enrollment: EnrollmentState }>, batch: ProjectionBatch): void {
  const e = event.payload.enrollment;
  batch.upsertNewer('read.student_courses', ['student_id', 'course_id'], {
    student_id: e.studentId,
    course_id: e.courseId,
    enrolled_at: e.enrolledAt,
    enrollment_id: e.enrollmentId,
    payment_id: e.paymentId,
    status: e.status,
    completed_at: e.completedAt,
    certificate_id: e.certificateId,
    version: event.aggregateVersion,
  });
}

/** read.student_courses (each enrollment's state) and read.lesson_completions (what each student completed). */
@Injectable()
export class LearningProgressProjection implements Projection {
  static readonly projectionName = 'learning-progress';
  readonly name = LearningProgressProjection.projectionName;
  readonly tables = ['read.student_courses', 'read.lesson_completions'];
  readonly handlers = handlerMap<EventMap>({
    [EnrollmentEvents.StudentEnrolled]: saveEnrollment,
    [EnrollmentEvents.CourseCompleted]: saveEnrollment,
    [EnrollmentEvents.LessonCompleted]: (event, batch) => {
      saveEnrollment(event, batch);
      const { enrollment, lessonId, completedAt } = event.payload;
      batch.insertOnce('read.lesson_completions', ['student_id', 'course_id', 'lesson_id'], {
        student_id: enrollment.studentId,
        course_id: enrollment.courseId,
        lesson_id: lessonId,
        completed_at: completedAt,
      });
    },
  });

  constructor(@Optional() private readonly live?: LiveEmitter) {}

  /**
   * The student sees their progress move: the numbers the command computed, now in the read model, with the
   * lesson and (once the course is completed) the certificate, so no client has to look either up.
   */
  async afterCommit(events: readonly AnyEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== EnrollmentEvents.LessonCompleted) continue;
      const { enrollment, lessonId, progress } = event.payload;
      this.live?.emit(rooms.user(enrollment.studentId), 'progress.updated', {
        course_id: enrollment.courseId,
        lesson_id: lessonId,
        certificate_id: enrollment.certificateId,
        completed_lessons: progress.completedLessons,
        total_lessons: progress.totalLessons,
        percentage: progress.percentage,
        status: progress.status,
      });
    }
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
