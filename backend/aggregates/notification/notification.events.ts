export const NotificationEvents = {
  NotificationCreated: 'notification.NotificationCreated',
  NotificationRead: 'notification.NotificationRead',
} as const;

/** The notification object as the API and live pushes show it (the live contract's shape). */
export type { LiveNotification as NotificationView } from '@eduplatform/contracts';
