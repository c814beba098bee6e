-- Up Migration
-- Every service schema keeps its own transactional outbox; this helper gives them one shape.
CREATE OR REPLACE FUNCTION platform.create_outbox(target_schema text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($ddl$
    CREATE TABLE %1$I.outbox (
      position          bigserial PRIMARY KEY,
      event_id          uuid NOT NULL UNIQUE,
      event_type        text NOT NULL,
      aggregate_type    text NOT NULL,
      aggregate_id      uuid NOT NULL,
      aggregate_version integer NOT NULL,
      payload           jsonb NOT NULL,
      occurred_at       timestamptz NOT NULL,
      published_at      timestamptz
    );
    CREATE INDEX outbox_unpublished ON %1$I.outbox (position) WHERE published_at IS NULL;
    CREATE INDEX outbox_published_at ON %1$I.outbox (published_at) WHERE published_at IS NOT NULL;
    CREATE TRIGGER outbox_notify AFTER INSERT ON %1$I.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION platform.notify_outbox();
  $ddl$, target_schema);
END
$fn$;

-- Wakes the relay right after a command commits, instead of waiting for its next poll.
CREATE OR REPLACE FUNCTION platform.notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$fn$;


-- Down Migration
DROP FUNCTION IF EXISTS platform.create_outbox(text);
DROP FUNCTION IF EXISTS platform.notify_outbox();
