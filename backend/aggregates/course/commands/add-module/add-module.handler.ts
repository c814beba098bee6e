import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseEditor } from '../../course-editor.js';
import type { ModuleBody } from '../../course.dto.js';
import { toModuleView, type ModuleView } from '../../course.views.js';

export class AddModuleCommand extends Command<ModuleView> {
  constructor(
    readonly owner: AuthUser,
    readonly courseId: string,
    readonly body: ModuleBody,
  ) {
    super();
  }
}

@CommandHandler(AddModuleCommand)
export class AddModuleHandler implements ICommandHandler<AddModuleCommand, ModuleView> {
  constructor(private readonly courses: CourseEditor) {}

  execute({ owner, courseId, body }: AddModuleCommand): Promise<ModuleView> {
    return this.courses.edit(courseId, owner, (course, now) =>
      toModuleView(courseId, course.addModule({ id: randomUUID(), title: body.title, order: body.order, now })),
    );
  }
}
