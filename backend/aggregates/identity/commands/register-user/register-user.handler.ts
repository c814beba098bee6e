import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { ConflictError } from '../../../../src/platform/domain/errors.js';
import { PasswordHasher } from '../../password-hasher.js';
import { User } from '../../user.aggregate.js';
import { RegisterUserCommand } from './register-user.command.js';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand, User> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RegisterUserCommand): Promise<User> {
    const email = command.email.toLowerCase();
    // Hashing is slow on purpose; do it before entering the mailbox so it never blocks other commands.
    const passwordHash = await this.passwords.hash(command.password);
    try {
      return await this.actors.run(`user-email:${email}`, async (uow) => {
        if (await uow.em.findOne(User, { email })) throw new ConflictError('This email is already registered');
        return uow.add(
          User.register({
            id: randomUUID(),
            email,
            passwordHash,
            name: command.name,
            role: command.role,
            now: this.clock.now(),
          }),
        );
      });
    } catch (error) {
      // Another process registered the same email between our check and our insert.
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictError('This email is already registered');
      throw error;
    }
  }
}
