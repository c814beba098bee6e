import { Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-bootstrap.js';
import { RegisterUserController } from './commands/register-user/register-user.controller.js';
import { RegisterUserHandler } from './commands/register-user/register-user.handler.js';
import { VerifyTeacherController } from './commands/verify-teacher/verify-teacher.controller.js';
import { VerifyTeacherHandler } from './commands/verify-teacher/verify-teacher.handler.js';
import { LoginController } from './queries/login/login.controller.js';
import { LoginHandler } from './queries/login/login.handler.js';
import { LoginRateLimiter } from './queries/login/login-rate-limiter.js';
import { MeController } from './queries/me/me.controller.js';
import { PendingTeachersController } from './queries/pending-teachers/pending-teachers.controller.js';
import { RefreshTokenController } from './queries/refresh-token/refresh-token.controller.js';
import { PasswordHasher } from './password-hashing/password-hasher.js';
import { UsersQuery } from './users.query.js';
import { RegistrationRateLimiter } from './commands/register-user/registration-rate-limiter.js';
import { RateLimitStore } from '../../src/platform/http/rate-limit-store.js';

@Module({
  controllers: [
    RegisterUserController,
    LoginController,
    MeController,
    RefreshTokenController,
    PendingTeachersController,
    VerifyTeacherController,
  ],
  providers: [
    RegisterUserHandler,
    VerifyTeacherHandler,
    LoginHandler,
    UsersQuery,
    RateLimitStore,
    LoginRateLimiter,
    RegistrationRateLimiter,
    AdminBootstrap,
    PasswordHasher,
  ],
})
export class IdentityModule {}
