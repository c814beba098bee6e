import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { moduleBody, type ModuleBody } from '../../course.dto.js';
import { moduleView, type ModuleView } from '../../course.views.js';
import { AddModuleCommand } from './add-module.handler.js';

@ApiTags('course')
@Controller('api/course/courses')
export class AddModuleController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(moduleView)
  @Post(':id/modules')
  @SignedIn()
  add(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') courseId: string,
    @ValidBody(moduleBody) body: ModuleBody,
  ): Promise<ModuleView> {
    return this.commands.execute(new AddModuleCommand(user, courseId, body));
  }
}
