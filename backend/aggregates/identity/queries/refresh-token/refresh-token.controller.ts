import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { JwtService } from '../../../../src/platform/auth/jwt.service.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UsersQuery } from '../../users.query.js';
import { tokenView, type TokenView } from '../../user.view.js';

/** A fresh token with the account's current claims, e.g. right after a teacher was verified. */
@ApiTags('identity')
@Controller('api/identity')
export class RefreshTokenController {
  constructor(
    private readonly users: UsersQuery,
    private readonly jwt: JwtService,
  ) {}

  @Responds(tokenView)
  @Post('token/refresh')
  @HttpCode(200)
  @SignedIn()
  async refresh(@CurrentUser() caller: AuthUser): Promise<TokenView> {
    const user = await this.users.byId(caller.id);
    if (!user) throw new DomainError('account-gone', 'This account no longer exists');
    return { access_token: this.jwt.issue(user), token_type: 'bearer' };
  }
}
