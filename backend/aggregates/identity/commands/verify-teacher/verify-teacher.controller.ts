import { Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import { toUserView, userView, type UserView } from '../../user.view.js';
import { VerifyTeacherCommand } from './verify-teacher.command.js';

@ApiTags('identity')
@Controller('api/identity/admin/users')
export class VerifyTeacherController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(userView)
  @Patch(':user_id/verify')
  @SignedIn('admin')
  async verify(@UuidParam('user_id') userId: string): Promise<UserView> {
    return toUserView(await this.commands.execute(new VerifyTeacherCommand(userId)));
  }
}
