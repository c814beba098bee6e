import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseActors } from '../../course-actors.js';

/** Removes a module and every lesson in it. */
export class RemoveModuleCommand extends Command<void> {
  constructor(
    readonly owner: AuthUser,
    readonly moduleId: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveModuleCommand)
export class RemoveModuleHandler implements ICommandHandler<RemoveModuleCommand, void> {
  constructor(private readonly courses: CourseActors) {}

  async execute({ owner, moduleId }: RemoveModuleCommand): Promise<void> {
    const courseId = await this.courses.courseOfModule(moduleId);
    await this.courses.change(courseId, owner, (course, now) => course.removeModule(moduleId, now));
  }
}
