import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { Notification } from '../../notification.aggregate.js';
import type { NotificationView } from '../../notification.events.js';

export class MarkNotificationReadCommand extends Command<NotificationView> {
  constructor(
    readonly reader: AuthUser,
    readonly notificationId: string,
  ) {
    super();
  }
}

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand, NotificationView> {
  constructor(private readonly actors: AggregateActors) {}

  execute({ reader, notificationId }: MarkNotificationReadCommand): Promise<NotificationView> {
    return this.actors.run(notificationId, async (uow) => {
      const notification = await uow.em.findOne(Notification, { id: notificationId });
      if (!notification) throw new DomainError('notification-not-found', 'Notification not found');
      notification.markRead(reader.id);
      return uow.track(notification).view();
    });
  }
}
