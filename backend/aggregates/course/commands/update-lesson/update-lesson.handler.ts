import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseActors } from '../../course-actors.js';
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
  constructor(private readonly courses: CourseActors) {}

  async execute({ owner, lessonId, body }: UpdateLessonCommand): Promise<LessonView> {
    const courseId = await this.courses.courseOfLesson(lessonId);
    return this.courses.change(courseId, owner, (course, now) =>
      toLessonView(course.updateLesson(lessonId, toLessonFields(body), now)),
    );
  }
}
