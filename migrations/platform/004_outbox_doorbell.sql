-- Up Migration
-- The relay is woken by a Redis message the platform sends after a command commits (OutboxDoorbell), no
-- longer by a NOTIFY from a trigger: a notifying transaction holds one database-wide lock from the start of
-- its commit to its end, WAL flush included, which made every command's commit wait for the one before.
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
  $ddl$, target_schema);
END
$fn$;

-- Runs a statement on every outbox table (`%s` in the statement).
CREATE FUNCTION platform.for_each_outbox(statement text) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  outbox regclass;
BEGIN
  FOR outbox IN SELECT oid FROM pg_class WHERE relname = 'outbox' AND relkind = 'r' LOOP
    EXECUTE format(statement, outbox);
  END LOOP;
END
$fn$;

SELECT platform.for_each_outbox('DROP TRIGGER IF EXISTS outbox_notify ON %s');
DROP FUNCTION platform.notify_outbox();

-- Down Migration
CREATE FUNCTION platform.notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$fn$;

SELECT platform.for_each_outbox(
  'CREATE TRIGGER outbox_notify AFTER INSERT ON %s FOR EACH STATEMENT EXECUTE FUNCTION platform.notify_outbox()'
);
DROP FUNCTION platform.for_each_outbox(text);
-- platform.create_outbox keeps its trigger-less body: outboxes created after this are woken by the doorbell.
