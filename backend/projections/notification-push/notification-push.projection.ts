import { Injectable, Optional } from '@nestjs/common';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import { NotificationEvents, type NotificationView } from '../../aggregates/notification/notification.aggregate.js';

/**
 * Pushes each new notification to its recipient once it is committed. It keeps no read model; its
 * checkpoint alone makes a redelivered NotificationCreated push nothing a second time.
 */
@Injectable()
export class NotificationPushProjection implements Projection {
  static readonly projectionName = 'notification-push';
  readonly name = NotificationPushProjection.projectionName;
  readonly tables = [];
  readonly handles = [NotificationEvents.NotificationCreated];

  constructor(@Optional() private readonly live?: LiveEmitter) {}

  async apply(): Promise<void> {}

  async afterCommit(event: DomainEvent): Promise<void> {
    const notification = event.payload as NotificationView;
    this.live?.emit(rooms.user(notification.user_id), 'notification.created', notification);
  }
}
