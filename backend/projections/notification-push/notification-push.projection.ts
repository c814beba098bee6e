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
      this.live?.emit(rooms.user(event.payload.user_id), 'notification.created', event.payload);
    }
  }
}
