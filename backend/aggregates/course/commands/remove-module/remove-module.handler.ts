import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';

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
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, moduleId }: RemoveModuleCommand): Promise<void> {
    const courseId = await this.facts.courseOfModule(moduleId);
    await this.courses.edit(courseId, owner, (course, now) => course.removeModule(moduleId, now));
  }
}
