import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { APP_CONFIG, type AppConfig } from '../../src/platform/config/config.js';
import { refusedFor } from '../../src/platform/domain/errors.js';
import { UsersQuery } from './users.query.js';
import { RegisterUserCommand } from './commands/register-user/register-user.command.js';

/** Creates the first admin account on first start; admins cannot register through the API. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly users: UsersQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.byEmail(this.config.ADMIN_EMAIL)) return;
    try {
      await this.commands.execute(
        new RegisterUserCommand(
          this.config.ADMIN_EMAIL,
          this.config.ADMIN_PASSWORD,
          'Administrator',
          'admin',
          'startup',
        ),
      );
      this.logger.log(`admin account ${this.config.ADMIN_EMAIL} created`);
    } catch (error) {
      // Another replica created it at the same moment.
      if (!(refusedFor(error, 'email-taken') || error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
}
