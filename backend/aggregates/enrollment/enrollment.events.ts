export const EnrollmentEvents = {
  StudentEnrolled: 'enrollment.StudentEnrolled',
  LessonCompleted: 'enrollment.LessonCompleted',
  CourseCompleted: 'enrollment.CourseCompleted',
} as const;

export type EnrollmentStatus = 'enrolled' | 'in_progress' | 'completed';

/** The enrollment as of the command that produced an event; every enrollment event carries it. */
export interface EnrollmentState {
  enrollmentId: string;
  studentId: string;
  courseId: string;
  paymentId: string | null;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedAt: string | null;
  certificateId: string | null;
}

/** Completed lessons still in the course, against the course's lessons as they are now. */
export interface Progress {
  completedLessons: number;
  totalLessons: number;
  percentage: number;
  status: EnrollmentStatus;
}

export interface LessonCompletedPayload {
  enrollment: EnrollmentState;
  /** The id of the stored completion record. */
  completionId: string;
  lessonId: string;
  completedAt: string;
  progress: Progress;
}

export interface CourseCompletedPayload {
  certificateId: string;
  enrollment: EnrollmentState;
}
