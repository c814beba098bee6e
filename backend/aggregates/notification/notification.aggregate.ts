import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import { NotificationEvents, type NotificationView } from './notification.events.js';

/** A message to one user; most are produced by the server from domain events, a few sent by admins. */
@Entity({ schema: 'notification', tableName: 'notifications' })
export class Notification extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'string' })
  type!: string;

  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'boolean' })
  isRead!: boolean;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  get aggregateType(): string {
    return 'Notification';
  }

  get serviceSchema(): string {
    return 'notification';
  }

  static send(input: {
    id: string;
    userId: string;
    type: string;
    title: string;
    body: string;
    now: Date;
  }): Notification {
    const notification = new Notification();
    notification.id = input.id;
    notification.userId = input.userId;
    notification.type = input.type;
    notification.title = input.title;
    notification.body = input.body;
    notification.isRead = false;
    notification.createdAt = input.now;
    notification.version = 1;
    notification.record(NotificationEvents.NotificationCreated, notification.view());
    return notification;
  }

  /** Reading twice is harmless: the second time changes nothing and records nothing. */
  markRead(): void {
    if (this.isRead) return;
    this.isRead = true;
    this.record(NotificationEvents.NotificationRead, { id: this.id, user_id: this.userId });
  }

  view(): NotificationView {
    return {
      id: this.id,
      user_id: this.userId,
      type: this.type,
      title: this.title,
      body: this.body,
      is_read: this.isRead,
      created_at: this.createdAt.toISOString(),
    };
  }
}
