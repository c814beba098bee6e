export const NotificationEvents = {
  NotificationCreated: 'notification.NotificationCreated',
  NotificationRead: 'notification.NotificationRead',
} as const;

/** A new notification, unread (NotificationCreated payload). */
export interface NotificationCreatedPayload {
  notificationId: string;
  /** The recipient. */
  userId: string;
  /** What kind of notice it is (`welcome`, `milestone`, … or `notice` for an admin's). */
  type: string;
  title: string;
  body: string;
  createdAt: string;
}

/** Its recipient read the notification (NotificationRead payload). */
export interface NotificationReadPayload {
  notificationId: string;
  userId: string;
}

/** The notification object as the API and live pushes show it (the live contract's shape). */
export type { LiveNotification as NotificationView } from '@eduplatform/contracts';
