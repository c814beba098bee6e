import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
import { toLessonFields, type UpdateLessonBody } from '../../course.dto.js';
import { toLessonView, type LessonView } from '../../course.views.js';

export class UpdateLessonCommand extends Command<LessonView> {
  constructor(
    readonly owner: AuthUser,
    readonly lessonId: string,
    readonly body: UpdateLessonBody,
  ) {
    super();
  }
}

@CommandHandler(UpdateLessonCommand)
export class UpdateLessonHandler implements ICommandHandler<UpdateLessonCommand, LessonView> {
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, lessonId, body }: UpdateLessonCommand): Promise<LessonView> {
    const courseId = await this.facts.courseOfLesson(lessonId);
    return this.courses.edit(courseId, owner, (course, now) =>
      toLessonView(courseId, course.updateLesson(lessonId, toLessonFields(body), now)),
    );
  }
}
