import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseActors } from '../../course-actors.js';
import { toLessonFields, type LessonBody } from '../../course.dto.js';
import { toLessonView, type LessonView } from '../../course.views.js';

export class AddLessonCommand extends Command<LessonView> {
  constructor(
    readonly owner: AuthUser,
    readonly moduleId: string,
    readonly body: LessonBody,
  ) {
    super();
  }
}

@CommandHandler(AddLessonCommand)
export class AddLessonHandler implements ICommandHandler<AddLessonCommand, LessonView> {
  constructor(private readonly courses: CourseActors) {}

  async execute({ owner, moduleId, body }: AddLessonCommand): Promise<LessonView> {
    const courseId = await this.courses.courseOfModule(moduleId);
    return this.courses.change(courseId, owner, (course, now) =>
      toLessonView(
        course.addLesson(moduleId, {
          ...toLessonFields(body),
          title: body.title,
          content: body.content,
          id: randomUUID(),
          now,
        }),
      ),
    );
  }
}
