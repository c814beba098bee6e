import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../../../src/platform/auth/access.js';
import { JwtService } from '../../../../src/platform/auth/jwt.service.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { loginAttempts } from '../../../../src/platform/metrics/metrics.js';
import { PasswordHasher, PasswordHashingBusy } from '../../password-hasher.js';
import { UsersQuery } from '../../users.query.js';
import { tokenView, type TokenView } from '../../user.view.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

class WrongCredentialsError extends DomainError {
  readonly status = 400;
}

const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

@ApiTags('identity')
@Controller('api/identity')
export class LoginController {
  constructor(
    private readonly users: UsersQuery,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    private readonly passwords: PasswordHasher,
  ) {}

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
  async login(@ValidBody(loginBody) body: z.infer<typeof loginBody>, @Ip() address: string): Promise<TokenView> {
    const email = body.email.toLowerCase();
    try {
      return await this.passwords.signIn(async (check) => {
        await this.limiter.begin(email, address);
        const user = await this.users.byEmail(email);
        // Unknown emails are checked against a decoy hash so both failures take as long and read the same.
        const matches = await check(user?.passwordHash, body.password);
        if (!user || !matches) {
          await this.limiter.recordFailure(email, address);
          loginAttempts.inc({ outcome: 'wrong_password' });
          throw new WrongCredentialsError('Incorrect email or password');
        }
        await this.limiter.recordSuccess(email, address);
        loginAttempts.inc({ outcome: 'success' });
        return { access_token: this.jwt.issue(user), token_type: 'bearer' };
      });
    } catch (error) {
      // Shed on arrival, before anything was tried or counted.
      if (error instanceof PasswordHashingBusy) loginAttempts.inc({ outcome: 'shed' });
      throw error;
    }
  }
}
