import { Command } from '@nestjs/cqrs';
import type { Role } from '../../../../src/platform/auth/auth-user.js';
import type { User } from '../../user.aggregate.js';

export class RegisterUserCommand extends Command<User> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
    readonly role: Role,
  ) {
    super();
  }
}
