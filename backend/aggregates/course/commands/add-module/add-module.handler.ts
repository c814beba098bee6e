import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CourseActors } from '../../course-actors.js';
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
  constructor(private readonly courses: CourseActors) {}

  execute({ owner, courseId, body }: AddModuleCommand): Promise<ModuleView> {
    return this.courses.change(courseId, owner, (course, now) =>
      toModuleView(course.addModule({ id: randomUUID(), title: body.title, order: body.order, now })),
    );
  }
}
