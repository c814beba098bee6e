import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import type { RecordedEvent } from '../../src/platform/domain/domain-event.js';
import { ConflictError, PaymentRequiredError, UnprocessableError } from '../../src/platform/domain/errors.js';
import { EnrollmentEvents, type EnrollmentState, type EnrollmentStatus, type Progress } from './enrollment.events.js';

@Entity({ schema: 'enrollment', tableName: 'lesson_completions' })
export class LessonCompletion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Enrollment, { fieldName: 'enrollment_id' })
  enrollment!: Rel<Enrollment>;

  @Property({ type: 'uuid' })
  lessonId!: string;

  @Property({ type: 'datetime' })
  completedAt!: Date;
}

/** Percentage with two decimals, never above 100. */
export function percentage(completed: number, total: number): number {
  return total === 0 ? 0 : Math.min(100, Math.round((completed / total) * 10_000) / 100);
}

/**
 * One student's enrollment in one course, with the lessons they completed.
 * Progress is always measured against the course's lessons as they are now.
 */
@Entity({ schema: 'enrollment', tableName: 'enrollments' })
export class Enrollment extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  studentId!: string;

  @Property({ type: 'uuid' })
  courseId!: string;

  @Property({ type: 'uuid', nullable: true })
  paymentId!: string | null;

  @Property({ type: 'string' })
  status!: EnrollmentStatus;

  @Property({ type: 'datetime' })
  enrolledAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  completedAt!: Date | null;

  @Property({ type: 'uuid', nullable: true })
  certificateId!: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => LessonCompletion, (completion) => completion.enrollment)
  completions = new Collection<LessonCompletion>(this);

  get aggregateType(): string {
    return 'Enrollment';
  }

  get serviceSchema(): string {
    return 'enrollment';
  }

  /** Free courses directly; paid courses only with a completed payment of this student for this course. */
  static enroll(input: {
    id: string;
    studentId: string;
    course: { id: string; isFree: boolean };
    paymentId: string | null;
    now: Date;
  }): Enrollment {
    if (!input.course.isFree && !input.paymentId) {
      throw new PaymentRequiredError('This course is paid: pay for it first (POST /api/payment/payments)');
    }
    const enrollment = new Enrollment();
    enrollment.id = input.id;
    enrollment.studentId = input.studentId;
    enrollment.courseId = input.course.id;
    enrollment.paymentId = input.course.isFree ? null : input.paymentId;
    enrollment.status = 'enrolled';
    enrollment.enrolledAt = input.now;
    enrollment.completedAt = null;
    enrollment.certificateId = null;
    enrollment.version = 1;
    enrollment.record(EnrollmentEvents.StudentEnrolled, {});
    return enrollment;
  }

  /**
   * Marks a lesson of the course completed. Reaching every current lesson completes the course and
   * issues its certificate (once: a completed enrollment keeps its certificate).
   */
  completeLesson(input: {
    completionId: string;
    lessonId: string;
    currentLessonIds: readonly string[];
    certificateId: string;
    now: Date;
  }): { completion: LessonCompletion; progress: Progress } {
    if (!input.currentLessonIds.includes(input.lessonId)) {
      throw new UnprocessableError('This lesson is not part of the course');
    }
    if (this.completions.getItems().some((c) => c.lessonId === input.lessonId)) {
      throw new ConflictError('This lesson is already completed');
    }
    const completion = new LessonCompletion();
    completion.id = input.completionId;
    completion.lessonId = input.lessonId;
    completion.completedAt = input.now;
    completion.enrollment = this;
    this.completions.add(completion);
    if (this.status === 'enrolled') this.status = 'in_progress';

    const before = this.progress(input.currentLessonIds);
    const completesCourse = before.completed_lessons === before.total_lessons && this.status !== 'completed';
    if (completesCourse) {
      this.status = 'completed';
      this.completedAt = input.now;
      this.certificateId = input.certificateId;
    }
    const progress = this.progress(input.currentLessonIds);
    this.record(EnrollmentEvents.LessonCompleted, {
      lessonId: input.lessonId,
      completedAt: input.now.toISOString(),
      progress,
    });
    if (completesCourse) this.record(EnrollmentEvents.CourseCompleted, { certificateId: this.certificateId });
    return { completion, progress };
  }

  /** Completed lessons that are still in the course, against the course's current lesson count. */
  progress(currentLessonIds: readonly string[]): Progress {
    const current = new Set(currentLessonIds);
    const completed = this.completions.getItems().filter((c) => current.has(c.lessonId)).length;
    return {
      completed_lessons: completed,
      total_lessons: current.size,
      percentage: percentage(completed, current.size),
      status: this.status,
    };
  }

  state(): EnrollmentState {
    return {
      enrollmentId: this.id,
      studentId: this.studentId,
      courseId: this.courseId,
      paymentId: this.paymentId,
      status: this.status,
      enrolledAt: this.enrolledAt.toISOString(),
      completedAt: this.completedAt?.toISOString() ?? null,
      certificateId: this.certificateId,
    };
  }

  /** Every event carries the enrollment's state at the end of the command (all share one version). */
  override pullEvents(): RecordedEvent[] {
    const state = this.state();
    return super
      .pullEvents()
      .map((event) => ({ ...event, payload: { ...(event.payload as object), enrollment: state } }));
  }
}
