-- Up Migration
-- Events a projection gave up on after its retries (a payload it cannot apply): kept with the reason so an
-- operator can see them and replay them (`read-models replay`), and so the reconciler does not re-send them.
CREATE TABLE read.failed_events (
  projection  text NOT NULL,
  event_id    uuid NOT NULL,
  event_type  text NOT NULL,
  error       text NOT NULL,
  attempts    integer NOT NULL,
  failed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projection, event_id)
);

-- Down Migration
DROP TABLE read.failed_events;
