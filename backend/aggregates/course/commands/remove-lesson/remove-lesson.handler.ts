import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';

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
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, lessonId }: RemoveLessonCommand): Promise<void> {
    const courseId = await this.facts.courseOfLesson(lessonId);
    await this.courses.edit(courseId, owner, (course, now) => course.removeLesson(lessonId, now));
  }
}
