import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
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
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, moduleId, body }: AddLessonCommand): Promise<LessonView> {
    const courseId = await this.facts.courseOfModule(moduleId);
    return this.courses.edit(courseId, owner, (course, now) =>
      toLessonView(
        courseId,
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
