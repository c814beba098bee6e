import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../../src/platform/platform.module.js';
import type { NotificationView } from '../notification.events.js';

/** A user's notifications, newest first, from the notification service's own table. */
@Injectable()
export class NotificationsQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async page(userId: string, options: { onlyUnread: boolean; limit: number; offset: number }) {
    const [page, counts] = await Promise.all([
      this.pool.query<NotificationView>(
        `SELECT id, user_id, type, title, body, is_read, to_json(created_at)#>>'{}' AS created_at
           FROM notification.notifications WHERE user_id = $1 AND (NOT $2 OR NOT is_read)
          ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
        [userId, options.onlyUnread, options.limit, options.offset],
      ),
      this.pool.query<{ total: number; unread: number }>(
        `SELECT count(*) FILTER (WHERE NOT $2 OR NOT is_read) AS total, count(*) FILTER (WHERE NOT is_read) AS unread
           FROM notification.notifications WHERE user_id = $1`,
        [userId, options.onlyUnread],
      ),
    ]);
    return { items: page.rows, total: counts.rows[0].total, unread: counts.rows[0].unread };
  }
}
