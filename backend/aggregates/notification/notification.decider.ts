import type { Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import { NotificationEvents } from './notification.events.js';

/** A notification as its decisions see it. */
export interface NotificationState {
  id: string;
  userId: string;
  type: string;
  title: string;
  body: string;
  isRead: boolean;
  createdAt: Date;
}

/** An event a notification decision produces, typed by the catalogue. */
export type NotificationEvent = DecidedEvent<EventTypeOf<typeof NotificationEvents>>;

/** What a notice says, and to whom. */
export interface Notice {
  userId: string;
  type: string;
  title: string;
  body: string;
}

/** The facts of SendNotice: the new notification's id, what it says, and when it is sent. */
export interface SendNotice {
  id: string;
  notice: Notice;
  now: Date;
}

/**
 * SendNotice: a new unread notification. When one with this id exists the notice was sent before (ids of
 * notices produced from events follow from the event), so nothing happens again.
 */
export function decideSendNotice(
  state: NotificationState | undefined,
  { id, notice, now }: SendNotice,
): NotificationEvent[] {
  if (state) return [];
  return [
    {
      type: NotificationEvents.NotificationCreated,
      payload: {
        notificationId: id,
        userId: notice.userId,
        type: notice.type,
        title: notice.title,
        body: notice.body,
        createdAt: now.toISOString(),
      },
    },
  ];
}

/**
 * MarkRead: only by its recipient — anyone else's notification answers like a missing one, so its existence
 * does not leak. Reading twice is harmless: the second time decides nothing.
 */
export function decideMarkRead(
  state: NotificationState | undefined,
  { readerId }: { readerId: string },
): NotificationEvent[] {
  if (!state || state.userId !== readerId) throw new DomainError('notification-not-found', 'Notification not found');
  if (state.isRead) return [];
  return [{ type: NotificationEvents.NotificationRead, payload: { notificationId: state.id, userId: state.userId } }];
}

/** Before its first event a notification does not exist (undefined). */
export const notificationDecider: Decider<NotificationState | undefined, NotificationEvent> = {
  initial: () => undefined,
  evolve: (state, event) => {
    switch (event.type) {
      case NotificationEvents.NotificationCreated: {
        const { notificationId, createdAt, ...notice } = event.payload;
        return { id: notificationId, ...notice, isRead: false, createdAt: new Date(createdAt) };
      }
      case NotificationEvents.NotificationRead:
        if (!state) throw new Error(`Notification ${event.payload.notificationId} was read before it was created`);
        return { ...state, isRead: true };
    }
  },
  snapshotOf: () => undefined,
};
