import type { Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import { EnrollmentEvents, type EnrollmentState, type EnrollmentStatus, type Progress } from './enrollment.events.js';

/**
 * One student's enrollment in one course, with the lessons they completed (`EnrollmentState` is its snapshot as
 * events carry it, without the completions).
 */
export interface StudentEnrollment {
  id: string;
  studentId: string;
  courseId: string;
  paymentId: string | null;
  status: EnrollmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  certificateId: string | null;
  completions: LessonCompletionState[];
}

export interface LessonCompletionState {
  id: string;
  lessonId: string;
  completedAt: Date;
}

export type EnrollmentEvent = DecidedEvent<EventTypeOf<typeof EnrollmentEvents>>;

/** Percentage with two decimals, never above 100. */
export function percentage(completed: number, total: number): number {
  return total === 0 ? 0 : Math.min(100, Math.round((completed / total) * 10_000) / 100);
}

/** Completed lessons that are still in the course, against the course's lessons as they are now. */
export function progressOf(enrollment: StudentEnrollment, currentLessonIds: readonly string[]): Progress {
  const current = new Set(currentLessonIds);
  const completed = enrollment.completions.filter((c) => current.has(c.lessonId)).length;
  return {
    completedLessons: completed,
    totalLessons: current.size,
    percentage: percentage(completed, current.size),
    status: enrollment.status,
  };
}

/** Payment-required: a paid course is open only to a student with a completed payment for it. */
export function assertPaidFor(course: { isFree: boolean }, payment: { id: string } | undefined): void {
  if (!course.isFree && !payment) {
    throw new DomainError('payment-required', 'No completed payment of yours for this course was found');
  }
}

const snapshot = (enrollment: StudentEnrollment): EnrollmentState => ({
  enrollmentId: enrollment.id,
  studentId: enrollment.studentId,
  courseId: enrollment.courseId,
  paymentId: enrollment.paymentId,
  status: enrollment.status,
  enrolledAt: enrollment.enrolledAt.toISOString(),
  completedAt: enrollment.completedAt?.toISOString() ?? null,
  certificateId: enrollment.certificateId,
});

/** Free courses directly; paid courses with the student's completed payment for the course. Once per course. */
export function decideEnroll(
  existing: StudentEnrollment | undefined,
  facts: {
    id: string;
    studentId: string;
    course: { id: string; isFree: boolean };
    payment: { id: string } | undefined;
    now: Date;
  },
): EnrollmentEvent[] {
  assertPaidFor(facts.course, facts.payment);
  if (existing) throw new DomainError('already-enrolled', 'You are already enrolled in this course');
  const enrollment: StudentEnrollment = {
    id: facts.id,
    studentId: facts.studentId,
    courseId: facts.course.id,
    paymentId: facts.course.isFree ? null : facts.payment!.id,
    status: 'enrolled',
    enrolledAt: facts.now,
    completedAt: null,
    certificateId: null,
    completions: [],
  };
  return [{ type: EnrollmentEvents.StudentEnrolled, payload: { enrollment: snapshot(enrollment) } }];
}

/**
 * Marks a lesson of the course completed. Reaching every current lesson completes the course and issues its
 * certificate (once: a completed enrollment keeps its certificate).
 */
export function decideCompleteLesson(
  enrollment: StudentEnrollment,
  facts: {
    completionId: string;
    lessonId: string;
    currentLessonIds: readonly string[];
    certificateId: string;
    now: Date;
  },
): EnrollmentEvent[] {
  if (!facts.currentLessonIds.includes(facts.lessonId)) {
    throw new DomainError('lesson-not-in-course', 'This lesson is not part of the course');
  }
  if (enrollment.completions.some((c) => c.lessonId === facts.lessonId)) {
    throw new DomainError('already-completed', 'This lesson is already completed');
  }
  const completion = { id: facts.completionId, lessonId: facts.lessonId, completedAt: facts.now };
  const started: StudentEnrollment = {
    ...enrollment,
    status: enrollment.status === 'enrolled' ? 'in_progress' : enrollment.status,
    completions: [...enrollment.completions, completion],
  };
  const reached = progressOf(started, facts.currentLessonIds);
  const completesCourse = reached.completedLessons === reached.totalLessons && started.status !== 'completed';
  const after: StudentEnrollment = completesCourse
    ? { ...started, status: 'completed', completedAt: facts.now, certificateId: facts.certificateId }
    : started;
  const state = snapshot(after);
  const lessonCompleted: EnrollmentEvent = {
    type: EnrollmentEvents.LessonCompleted,
    payload: {
      enrollment: state,
      completionId: completion.id,
      lessonId: completion.lessonId,
      completedAt: completion.completedAt.toISOString(),
      progress: progressOf(after, facts.currentLessonIds),
    },
  };
  if (!completesCourse) return [lessonCompleted];
  return [
    lessonCompleted,
    { type: EnrollmentEvents.CourseCompleted, payload: { certificateId: facts.certificateId, enrollment: state } },
  ];
}

/** The enrollment as every event carries it, keeping the completions the events add. */
const fromSnapshot = (state: EnrollmentState, completions: LessonCompletionState[]): StudentEnrollment => ({
  id: state.enrollmentId,
  studentId: state.studentId,
  courseId: state.courseId,
  paymentId: state.paymentId,
  status: state.status,
  enrolledAt: new Date(state.enrolledAt),
  completedAt: state.completedAt === null ? null : new Date(state.completedAt),
  certificateId: state.certificateId,
  completions,
});

export const enrollmentDecider: Decider<StudentEnrollment, EnrollmentEvent> = {
  initial: () => ({
    id: '',
    studentId: '',
    courseId: '',
    paymentId: null,
    status: 'enrolled',
    enrolledAt: new Date(0),
    completedAt: null,
    certificateId: null,
    completions: [],
  }),
  evolve: (enrollment, event) => {
    switch (event.type) {
      case EnrollmentEvents.StudentEnrolled:
      case EnrollmentEvents.CourseCompleted:
        return fromSnapshot(event.payload.enrollment, enrollment.completions);
      case EnrollmentEvents.LessonCompleted: {
        const { enrollment: state, completionId, lessonId, completedAt } = event.payload;
        const completion = { id: completionId, lessonId, completedAt: new Date(completedAt) };
        return fromSnapshot(state, [...enrollment.completions, completion]);
      }
    }
  },
  snapshotOf: () => undefined,
};
