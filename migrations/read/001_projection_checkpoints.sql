-- Up Migration
-- One row per (projection, event) applied: committed in the same transaction as the read-model change,
-- so a redelivered or replayed event is recognised and skipped.
CREATE TABLE read.applied_events (
  projection text NOT NULL,
  event_id   uuid NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, event_id)
);
CREATE INDEX applied_events_age ON read.applied_events (applied_at);

CREATE TABLE read.users (
  id          uuid PRIMARY KEY,
  email       text NOT NULL,
  name        text NOT NULL,
  role        text NOT NULL,
  is_verified boolean NOT NULL,
  created_at  timestamptz NOT NULL,
  version     integer NOT NULL
);

-- Down Migration
DROP TABLE read.users;
DROP TABLE read.applied_events;
