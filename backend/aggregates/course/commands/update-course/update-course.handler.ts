import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import type { Course } from '../../course.aggregate.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
import type { UpdateCourseBody } from '../../course.dto.js';
import { assertMayManageCourses } from '../../course.policies.js';

export class UpdateCourseCommand extends Command<Course> {
  constructor(
    readonly owner: AuthUser,
    readonly courseId: string,
    readonly body: UpdateCourseBody,
  ) {
    super();
  }
}

@CommandHandler(UpdateCourseCommand)
export class UpdateCourseHandler implements ICommandHandler<UpdateCourseCommand, Course> {
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, courseId, body }: UpdateCourseCommand): Promise<Course> {
    assertMayManageCourses(owner, await this.facts.isVerifiedNow(owner));
    return this.courses.edit(courseId, owner, (course, now) => {
      course.update(
        {
          title: body.title,
          description: body.description,
          isFree: body.is_free,
          price: body.price ?? undefined,
          durationMinutes: body.duration_minutes,
          level: body.level,
        },
        now,
      );
      return course;
    });
  }
}
