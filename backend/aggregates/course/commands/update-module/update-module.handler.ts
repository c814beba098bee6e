import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import { CourseFactsReader } from '../../course-facts.reader.js';
import type { UpdateModuleBody } from '../../course.dto.js';
import { toModuleView, type ModuleView } from '../../course.views.js';

export class UpdateModuleCommand extends Command<ModuleView> {
  constructor(
    readonly owner: AuthUser,
    readonly moduleId: string,
    readonly body: UpdateModuleBody,
  ) {
    super();
  }
}

@CommandHandler(UpdateModuleCommand)
export class UpdateModuleHandler implements ICommandHandler<UpdateModuleCommand, ModuleView> {
  constructor(
    private readonly courses: CourseEditor,
    private readonly facts: CourseFactsReader,
  ) {}

  async execute({ owner, moduleId, body }: UpdateModuleCommand): Promise<ModuleView> {
    const courseId = await this.facts.courseOfModule(moduleId);
    return this.courses.edit(courseId, owner, (course, now) =>
      toModuleView(courseId, course.updateModule(moduleId, body, now)),
    );
  }
}
