import { Module } from '@nestjs/common';
import { MarkNotificationReadHandler } from './commands/mark-read/mark-read.handler.js';
import { SendNoticeHandler } from './commands/send-notice/send-notice.handler.js';
import { NotificationsController } from './queries/notifications.controller.js';
import { NotificationsQuery } from './queries/notifications.query.js';

@Module({
  controllers: [NotificationsController],
  providers: [MarkNotificationReadHandler, SendNoticeHandler, NotificationsQuery],
})
export class NotificationModule {}
