import { Command } from '@nestjs/cqrs';
import type { User } from '../../user.aggregate.js';

export class VerifyTeacherCommand extends Command<User> {
  constructor(readonly userId: string) {
    super();
  }
}
