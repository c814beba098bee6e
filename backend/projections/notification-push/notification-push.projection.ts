import { Injectable, Optional } from '@nestjs/common';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import type { AnyEvent, EventMap } from '../../aggregates/event-catalogue.js';
import { NotificationEvents } from '../../aggregates/notification/notification.events.js';

/**
 * Pushes each new notification to its recipient once it is committed. It keeps no read model; its
 * checkpoint alone makes a redelivered NotificationCreated push nothing a second time.
 */
@Injectable()
export class NotificationPushProjection implements Projection {
  static readonly projectionName = 'notification-push';
  readonly name = NotificationPushProjection.projectionName;
  readonly tables = [];
  readonly handlers = handlerMap<EventMap>({
    // Nothing to store: the push happens after the checkpoint commits.
    [NotificationEvents.NotificationCreated]: () => undefined,
  });

  constructor(@Optional() private readonly live?: LiveEmitter) {}

  async afterCommit(events: readonly AnyEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== NotificationEvents.NotificationCreated) continue;
      const { notificationId, userId, type, title, body, createdAt } = event.payload;
      // As the API answers it: a new notification is unread.
      this.live?.emit(rooms.user(userId), 'notification.created', {
        id: notificationId,
        user_id: userId,
        type,
        title,
        body,
        is_read: false,
        created_at: createdAt,
      });
    }
  }
}
