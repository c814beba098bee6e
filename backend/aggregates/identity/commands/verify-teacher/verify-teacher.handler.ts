import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { User } from '../../user.aggregate.js';
import { VerifyTeacherCommand } from './verify-teacher.command.js';

@CommandHandler(VerifyTeacherCommand)
export class VerifyTeacherHandler implements ICommandHandler<VerifyTeacherCommand, User> {
  constructor(private readonly actors: AggregateActors) {}

  execute({ userId }: VerifyTeacherCommand): Promise<User> {
    return this.actors.run(userId, async (uow) => {
      const user = await uow.em.findOne(User, { id: userId });
      if (!user) throw new DomainError('user-not-found', 'User not found');
      user.verifyAsTeacher();
      return uow.track(user);
    });
  }
}
