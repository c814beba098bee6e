import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { PasswordHasher } from '../../password-hashing/password-hasher.js';
import { User } from '../../user.aggregate.js';
import { RegisterUserCommand } from './register-user.command.js';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand, User> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ email: given, password, name, role, hashFor }: RegisterUserCommand): Promise<User> {
    const email = given.toLowerCase();
    // Hashing is slow on purpose; do it before entering the mailbox so it never blocks other commands.
    const passwordHash = await this.passwords.hash(password, hashFor);
    const register = () =>
      this.actors.run(`user-email:${email}`, async (uow) => {
        const accountWithEmail = await uow.em.findOne(User, { email });
        const facts = { id: randomUUID(), email, passwordHash, name, role, now: this.clock.now() };
        return uow.add(User.register(facts, accountWithEmail?.state()));
      });
    try {
      return await register();
    } catch (error) {
      // Another process registered the same email between our check and our insert: decide again, seeing it.
      if (error instanceof UniqueConstraintViolationException) return register();
      throw error;
    }
  }
}
