import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import type { Course } from '../../course.aggregate.js';
import { CourseActors } from '../../course-actors.js';

export class PublishCourseCommand extends Command<Course> {
  constructor(
    readonly owner: AuthUser,
    readonly courseId: string,
  ) {
    super();
  }
}

@CommandHandler(PublishCourseCommand)
export class PublishCourseHandler implements ICommandHandler<PublishCourseCommand, Course> {
  constructor(private readonly courses: CourseActors) {}

  async execute({ owner, courseId }: PublishCourseCommand): Promise<Course> {
    await this.courses.assertVerifiedTeacher(owner);
    return this.courses.change(courseId, owner, (course, now) => {
      course.publish(now);
      return course;
    });
  }
}
