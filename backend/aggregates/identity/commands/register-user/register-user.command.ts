import { Command } from '@nestjs/cqrs';
import type { Role } from '../../../../src/platform/auth/auth-user.js';
import type { HashFor } from '../../password-hashing/password-hasher.js';
import type { User } from '../../user.aggregate.js';

export class RegisterUserCommand extends Command<User> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
    readonly role: Role,
    /** 'startup' for the platform's own accounts: their hash is never refused for busy sign-ins. */
    readonly hashFor: HashFor = 'request',
  ) {
    super();
  }
}
