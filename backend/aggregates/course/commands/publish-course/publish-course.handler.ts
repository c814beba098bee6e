import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import type { Course } from '../../course.aggregate.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
import { assertMayManageCourses } from '../../course.policies.js';

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
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, courseId }: PublishCourseCommand): Promise<Course> {
    assertMayManageCourses(owner, await this.facts.isVerifiedNow(owner));
    return this.courses.edit(courseId, owner, (course, now) => {
      course.publish(now);
      return course;
    });
  }
}
