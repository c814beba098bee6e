import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../../src/platform/auth/access.js';
import { JwtService } from '../../../../src/platform/auth/jwt.service.js';
import { refusedFor } from '../../../../src/platform/domain/errors.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { tokenView, type TokenView } from '../../user.view.js';
import { registerUserBody, type RegisterUserBody } from './register-user.dto.js';
import { RegisterUserCommand } from './register-user.command.js';
import { RegistrationRateLimiter } from './registration-rate-limiter.js';

@ApiTags('identity')
@Controller('api/identity')
export class RegisterUserController {
  constructor(
    private readonly commands: CommandBus,
    private readonly jwt: JwtService,
    private readonly limiter: RegistrationRateLimiter,
  ) {}

  @Responds(tokenView)
  @Post('register')
  @HttpCode(200)
  @Public()
  @ApiResponse({ status: 429, description: 'Too many registrations from this address (Retry-After)' })
  @ApiResponse({ status: 503, description: 'The rate-limit store (Redis) is unreachable; retry after Retry-After' })
  async register(@ValidBody(registerUserBody) body: RegisterUserBody, @Ip() address: string): Promise<TokenView> {
    await this.limiter.consume(address);
    const command = new RegisterUserCommand(body.email, body.password, body.name, body.role);
    const user = await this.commands.execute(command).catch(async (error: unknown) => {
      // Its hash was shed (too many sign-ins at this moment): nothing was tried, so it must not count.
      if (refusedFor(error, 'sign-in-busy')) await this.limiter.withdraw(address);
      throw error;
    });
    return { access_token: this.jwt.issue(user), token_type: 'bearer' };
  }
}
