import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { SqlPool } from '../../../../src/platform/database/pg-pool.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../../../src/platform/platform.module.js';
import { Notification } from '../../notification.aggregate.js';
import { decideSendNotice } from '../../notification.decider.js';
import type { NotificationView } from '../../notification.events.js';

/** An admin's manual notice to one user. */
export class SendNoticeCommand extends Command<NotificationView> {
  constructor(
    readonly userId: string,
    readonly title: string,
    readonly body: string,
  ) {
    super();
  }
}

@CommandHandler(SendNoticeCommand)
export class SendNoticeHandler implements ICommandHandler<SendNoticeCommand, NotificationView> {
  constructor(
    private readonly actors: AggregateActors,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId, title, body }: SendNoticeCommand): Promise<NotificationView> {
    const known = await this.pool.query('SELECT 1 FROM read.users WHERE id = $1', [userId]);
    if (!known.rowCount) throw new DomainError('user-not-found', 'User not found');
    const id = randomUUID();
    const notice = { userId, type: 'notice', title, body };
    // A fresh id has no notification yet.
    const events = decideSendNotice(undefined, { id, notice, now: this.clock.now() });
    return this.actors.run(id, async (uow) => uow.add(Notification.create(events)).view());
  }
}
