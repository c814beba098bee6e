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

export interface Progress {
  completed_lessons: number;
  total_lessons: number;
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
