import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { JwtService } from '../../../../src/platform/auth/jwt.service.js';
import { DomainError, refusedFor } from '../../../../src/platform/domain/errors.js';
import { loginAttempts } from '../../../../src/platform/metrics/metrics.js';
import { PasswordHasher } from '../../password-hashing/password-hasher.js';
import { UsersQuery } from '../../users.query.js';
import type { TokenView } from '../../user.view.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

/** Signs in with an email and password from a client address: a token, or a refusal. */
export class LoginQuery extends Query<TokenView> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly address: string,
  ) {
    super();
  }
}

@QueryHandler(LoginQuery)
export class LoginHandler implements IQueryHandler<LoginQuery, TokenView> {
  constructor(
    private readonly users: UsersQuery,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ email: given, password, address }: LoginQuery): Promise<TokenView> {
    const email = given.toLowerCase();
    try {
      return await this.passwords.signIn(async (check) => {
        await this.limiter.begin(email, address);
        const user = await this.users.byEmail(email);
        // Unknown emails are checked against a decoy hash so both failures take as long and read the same.
        const matches = await check(user?.passwordHash, password).catch(async (error: unknown) => {
          // Its hash never got the CPU in time: the attempt was not tried, so it must not count toward a lockout.
          if (refusedFor(error, 'sign-in-busy')) await this.limiter.withdraw(email, address);
          throw error;
        });
        if (!user || !matches) {
          await this.limiter.recordFailure(email, address);
          loginAttempts.inc({ outcome: 'wrong_password' });
          throw new DomainError('wrong-credentials', 'Incorrect email or password');
        }
        await this.limiter.recordSuccess(email, address);
        loginAttempts.inc({ outcome: 'success' });
        return { access_token: this.jwt.issue(user), token_type: 'bearer' };
      });
    } catch (error) {
      // Shed on arrival, or when its hash could not start in time: nothing was tried or counted.
      if (refusedFor(error, 'sign-in-busy')) loginAttempts.inc({ outcome: 'shed' });
      throw error;
    }
  }
}
