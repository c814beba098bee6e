import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { EnrollmentLoader } from '../../enrollment.loader.js';
import { CourseLessonsReader, enrollmentMailbox } from '../../course-lessons.reader.js';
import { progressOf, type LessonCompletionState } from '../../enrollment.decider.js';
import type { Progress } from '../../enrollment.events.js';

/** What completing a lesson answers: the completion, its course and the progress it made. */
export interface CompleteLessonResult {
  completion: LessonCompletionState;
  courseId: string;
  /** Set once the course is completed. */
  certificateId: string | null;
  progress: Progress;
}

export class CompleteLessonCommand extends Command<CompleteLessonResult> {
  constructor(
    readonly student: AuthUser,
    readonly lessonId: string,
    /** Optional: when given it must be the lesson's course. */
    readonly courseId: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(CompleteLessonCommand)
export class CompleteLessonHandler implements ICommandHandler<CompleteLessonCommand, CompleteLessonResult> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly enrollments: EnrollmentLoader,
    private readonly lessons: CourseLessonsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, lessonId, courseId: claimedCourse }: CompleteLessonCommand): Promise<CompleteLessonResult> {
    const course = await this.lessons.courseOf(lessonId);
    if (!course) throw new DomainError('lesson-not-found', 'Lesson not found');
    const { courseId, lessonIds: currentLessonIds } = course;
    if (claimedCourse && claimedCourse !== courseId)
      throw new DomainError('lesson-of-another-course', 'This lesson belongs to another course');
    return this.actors.run(enrollmentMailbox(student.id, courseId), async (uow) => {
      const enrollment = await this.enrollments.load(uow.em, student.id, courseId);
      if (!enrollment) throw new DomainError('not-enrolled', 'Enroll in this course before completing its lessons');
      const after = enrollment.completeLesson({
        completionId: randomUUID(),
        lessonId,
        currentLessonIds,
        certificateId: randomUUID(),
        now: this.clock.now(),
      });
      uow.track(enrollment);
      const completion = after.completions.find((c) => c.lessonId === lessonId)!;
      return {
        completion,
        courseId,
        certificateId: after.certificateId,
        progress: progressOf(after, currentLessonIds),
      };
    });
  }
}
