export const NotificationEvents = {
  NotificationCreated: 'notification.NotificationCreated',
  NotificationRead: 'notification.NotificationRead',
} as const;

/** The notification object as the API and live pushes show it. */
export interface NotificationView {
  id: string;
  user_id: string;
  type: string;
  title: string;
  body: string;
  is_read: boolean;
  created_at: string;
}
