import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../../../src/platform/domain/errors.js';
import { Enrollment, type LessonCompletion } from '../../enrollment.aggregate.js';
import { CourseLessons, enrollmentMailbox } from '../../enrollment-actors.js';
import type { Progress } from '../../enrollment.events.js';

export interface LessonCompleted {
  completion: LessonCompletion;
  courseId: string;
  /** Set once the course is completed. */
  certificateId: string | null;
  progress: Progress;
}

export class CompleteLessonCommand extends Command<LessonCompleted> {
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
export class CompleteLessonHandler implements ICommandHandler<CompleteLessonCommand, LessonCompleted> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly lessons: CourseLessons,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, lessonId, courseId: claimedCourse }: CompleteLessonCommand): Promise<LessonCompleted> {
    const courseId = await this.lessons.courseOf(lessonId);
    if (!courseId) throw new NotFoundError('Lesson not found');
    if (claimedCourse && claimedCourse !== courseId)
      throw new UnprocessableError('This lesson belongs to another course');
    // Read before the transaction opens, so no database connection is held while waiting for another.
    const currentLessonIds = await this.lessons.current(courseId);
    return this.actors.run(enrollmentMailbox(student.id, courseId), async (uow) => {
      const enrollment = await uow.em.findOne(
        Enrollment,
        { studentId: student.id, courseId },
        { populate: ['completions'] },
      );
      if (!enrollment) throw new ForbiddenError('Enroll in this course before completing its lessons');
      const { completion, progress } = enrollment.completeLesson({
        completionId: randomUUID(),
        lessonId,
        currentLessonIds,
        certificateId: randomUUID(),
        now: this.clock.now(),
      });
      uow.track(enrollment);
      return { completion, courseId, certificateId: enrollment.certificateId, progress };
    });
  }
}
