-- Up Migration
CREATE TABLE notification.notifications (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL,
  type       text NOT NULL,
  title      text NOT NULL,
  body       text NOT NULL,
  is_read    boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  version    integer NOT NULL DEFAULT 1
);
CREATE INDEX notifications_user_newest ON notification.notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread ON notification.notifications (user_id) WHERE NOT is_read;

-- Down Migration
DROP TABLE notification.notifications;
