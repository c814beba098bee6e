import { Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { updateModuleBody, type UpdateModuleBody } from '../../course.dto.js';
import { moduleView, type ModuleView } from '../../course.views.js';
import { RemoveModuleCommand } from '../remove-module/remove-module.handler.js';
import { UpdateModuleCommand } from './update-module.handler.js';

/** Routes on an existing module (its course is found from the module). */
@ApiTags('course')
@Controller('api/course/modules')
export class ModuleController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(moduleView)
  @Put(':id')
  @SignedIn()
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ValidBody(updateModuleBody) body: UpdateModuleBody,
  ): Promise<ModuleView> {
    return this.commands.execute(new UpdateModuleCommand(user, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.commands.execute(new RemoveModuleCommand(user, id));
  }
}
