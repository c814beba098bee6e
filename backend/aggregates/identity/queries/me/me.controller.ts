import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UsersQuery } from '../../users.query.js';
import { toUserView, userView, type UserView } from '../../user.view.js';

@ApiTags('identity')
@Controller('api/identity')
export class MeController {
  constructor(private readonly users: UsersQuery) {}

  @Responds(userView)
  @Get('me')
  @SignedIn()
  async me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    const user = await this.users.byId(caller.id);
    if (!user) throw new DomainError('account-gone', 'This account no longer exists');
    return toUserView(user);
  }
}
