import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseActors } from '../../course-actors.js';

export class RemoveLessonCommand extends Command<void> {
  constructor(
    readonly owner: AuthUser,
    readonly lessonId: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveLessonCommand)
export class RemoveLessonHandler implements ICommandHandler<RemoveLessonCommand, void> {
  constructor(private readonly courses: CourseActors) {}

  async execute({ owner, lessonId }: RemoveLessonCommand): Promise<void> {
    const courseId = await this.courses.courseOfLesson(lessonId);
    await this.courses.change(courseId, owner, (course, now) => course.removeLesson(lessonId, now));
  }
}
