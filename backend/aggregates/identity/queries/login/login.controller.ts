import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { tokenView, type TokenView } from '../../user.view.js';
import { LoginQuery } from './login.handler.js';

const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

@ApiTags('identity')
@Controller('api/identity')
export class LoginController {
  constructor(private readonly queries: QueryBus) {}

  @Responds(tokenView)
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiResponse({
    status: 429,
    description:
      "Too many failed attempts for this account from this address, or from this address, or the account's backoff (Retry-After)",
  })
  @ApiResponse({
    status: 503,
    description:
      'More sign-ins at this moment than can be checked within a few seconds, or the rate-limit store (Redis) is unreachable; retry after Retry-After',
  })
  login(@ValidBody(loginBody) body: z.infer<typeof loginBody>, @Ip() address: string): Promise<TokenView> {
    return this.queries.execute(new LoginQuery(body.email, body.password, address));
  }
}
