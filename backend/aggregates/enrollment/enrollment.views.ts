import { z } from 'zod';
import { named, timestamp } from '../../src/platform/http/responses.js';

export const enrollmentStatus = z.enum(['enrolled', 'in_progress', 'completed']);

export const enrollmentView = named(
  'Enrollment',
  z.object({
    id: z.uuid(),
    student_id: z.uuid(),
    course_id: z.uuid(),
    payment_id: z.uuid().nullable(),
    status: enrollmentStatus,
    enrolled_at: timestamp,
  }),
);

/** Completed lessons still in the course, against the course's lessons now. */
export const progressCounts = named(
  'Progress',
  z.object({
    completed_lessons: z.number().int(),
    total_lessons: z.number().int(),
    percentage: z.number(),
    status: enrollmentStatus,
  }),
);

/** The answer of CompleteLesson: the new progress, and the certificate once the course is completed. */
export const lessonCompletionView = named(
  'LessonCompletion',
  z.object({
    id: z.uuid(),
    lesson_id: z.uuid(),
    course_id: z.uuid(),
    completed_at: timestamp,
    /** Null until the course is completed. */
    certificate_id: z.uuid().nullable(),
    progress: progressCounts,
  }),
);
