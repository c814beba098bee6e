import { Controller, Get, Inject, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../src/platform/auth/auth-user.js';
import type { SqlPool } from '../../../src/platform/database/pg-pool.js';
import { UuidParam, ValidBody, ValidQuery, fields } from '../../../src/platform/http/validation.js';
import { SQL_POOL } from '../../../src/platform/platform.module.js';
import type { NotificationView } from '../notification.events.js';
import { MarkNotificationReadCommand } from '../commands/mark-read/mark-read.handler.js';
import { SendNoticeCommand } from '../commands/send-notice/send-notice.handler.js';

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

@ApiTags('notification')
@Controller('api/notification/notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
  ) {}

  @Get('me')
  @SignedIn()
  async mine(@CurrentUser() user: AuthUser, @ValidQuery(listQuery) query: z.infer<typeof listQuery>) {
    const onlyUnread = query.unread_only === true;
    const [page, counts] = await Promise.all([
      this.pool.query<NotificationView>(
        `SELECT id, user_id, type, title, body, is_read, to_json(created_at)#>>'{}' AS created_at
           FROM notification.notifications WHERE user_id = $1 AND (NOT $2 OR NOT is_read)
          ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
        [user.id, onlyUnread, query.limit, query.offset],
      ),
      this.pool.query<{ total: number; unread: number }>(
        `SELECT count(*) FILTER (WHERE NOT $2 OR NOT is_read) AS total, count(*) FILTER (WHERE NOT is_read) AS unread
           FROM notification.notifications WHERE user_id = $1`,
        [user.id, onlyUnread],
      ),
    ]);
    return { items: page.rows, total: counts.rows[0].total, unread: counts.rows[0].unread };
  }

  @Patch(':id/read')
  @SignedIn()
  read(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<NotificationView> {
    return this.commands.execute(new MarkNotificationReadCommand(user, id));
  }

  @Post()
  @SignedIn('admin')
  send(@ValidBody(noticeBody) body: z.infer<typeof noticeBody>): Promise<NotificationView> {
    return this.commands.execute(new SendNoticeCommand(body.user_id, body.title, body.body));
  }
}
