import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import {
  decideMarkRead,
  notificationDecider,
  type NotificationEvent,
  type NotificationState,
} from './notification.decider.js';
import type { NotificationView } from './notification.events.js';

/**
 * A message to one user; most are produced from domain events by the notification rules, a few sent by admins.
 * Its decisions are in notification.decider.ts; this entity persists the state they lead to.
 */
@Entity({ schema: 'notification', tableName: 'notifications' })
export class Notification extends DecidedAggregate<NotificationState | undefined, NotificationEvent> {
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

  get serviceSchema(): OutboxSchema {
    return 'notification';
  }

  protected get decider() {
    return notificationDecider;
  }

  /** A new notification from the events that created it (see decideSendNotice). */
  static create(events: readonly NotificationEvent[]): Notification {
    const notification = new Notification();
    notification.version = 1;
    notification.apply(events, notificationDecider.initial());
    return notification;
  }

  markRead(readerId: string): void {
    this.apply(decideMarkRead(this.state(), { readerId }));
  }

  state(): NotificationState {
    return {
      id: this.id,
      userId: this.userId,
      type: this.type,
      title: this.title,
      body: this.body,
      isRead: this.isRead,
      createdAt: this.createdAt,
    };
  }

  protected writeState(state: NotificationState | undefined): void {
    if (state) Object.assign(this, state);
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
