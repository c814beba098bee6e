import { Controller, Get, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../src/platform/auth/auth-user.js';
import { named, Responds, timestamp } from '../../../src/platform/http/responses.js';
import { UuidParam, ValidBody, ValidQuery, fields } from '../../../src/platform/http/validation.js';
import type { NotificationView } from '../notification.events.js';
import { MarkNotificationReadCommand } from '../commands/mark-read/mark-read.handler.js';
import { SendNoticeCommand } from '../commands/send-notice/send-notice.handler.js';
import { NotificationsQuery } from './notifications.query.js';

const listQuery = z.strictObject({
  limit: fields.limit,
  offset: fields.offset,
  unread_only: fields.boolString.optional(),
});
const noticeBody = z.strictObject({
  user_id: z.uuid({ error: 'must be a UUID' }),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(5_000).default(''),
});

/** As `notification.created` pushes it (contracts/). */
const notification = named(
  'Notification',
  z.object({
    id: z.uuid(),
    user_id: z.uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    is_read: z.boolean(),
    created_at: timestamp,
  }),
);
/** A page of notifications with the count of unread ones (of all, not only this page). */
const notificationPage = named(
  'NotificationPage',
  z.object({ items: z.array(notification), total: z.number().int(), unread: z.number().int() }),
);

@ApiTags('notification')
@Controller('api/notification/notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly notifications: NotificationsQuery,
  ) {}

  @Responds(notificationPage)
  @Get('me')
  @SignedIn()
  mine(@CurrentUser() user: AuthUser, @ValidQuery(listQuery) query: z.infer<typeof listQuery>) {
    return this.notifications.page(user.id, {
      onlyUnread: query.unread_only === true,
      limit: query.limit,
      offset: query.offset,
    });
  }

  @Responds(notification)
  @Patch(':id/read')
  @SignedIn()
  read(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<NotificationView> {
    return this.commands.execute(new MarkNotificationReadCommand(user, id));
  }

  @Responds(notification)
  @Post()
  @SignedIn('admin')
  send(@ValidBody(noticeBody) body: z.infer<typeof noticeBody>): Promise<NotificationView> {
    return this.commands.execute(new SendNoticeCommand(body.user_id, body.title, body.body));
  }
}
