-- Up Migration
-- An outbox row the relay can never deliver must not stall its service's outbox: the schema refuses what can
-- never be valid, and the relay sets rows aside (quarantine) that pass these checks but still cannot be read.
CREATE OR REPLACE FUNCTION platform.guard_outbox(target_schema text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format($ddl$
    ALTER TABLE %1$I.outbox
      ADD COLUMN quarantined_at    timestamptz,
      ADD COLUMN quarantine_reason text,
      -- No event happened before the platform existed or a millennium from now (this also refuses infinities).
      ADD CONSTRAINT outbox_occurred_at_plausible CHECK (occurred_at >= '2000-01-01' AND occurred_at < '3000-01-01'),
      ADD CONSTRAINT outbox_payload_is_object CHECK (jsonb_typeof(payload) = 'object');
    DROP INDEX %1$I.outbox_unpublished;
    CREATE INDEX outbox_unpublished ON %1$I.outbox (position) WHERE published_at IS NULL AND quarantined_at IS NULL;
    CREATE INDEX outbox_quarantined ON %1$I.outbox (position) WHERE quarantined_at IS NOT NULL;
  $ddl$, target_schema);
END
$fn$;

-- How far the reconciler has confirmed, per service outbox, that every published event reached every
-- projection that follows it (or was recorded as failed there); it rescans only what came after.
CREATE TABLE platform.outbox_reconciliation (
  outbox_schema    text PRIMARY KEY,
  reconciled_until timestamptz NOT NULL
);

-- Down Migration
DROP TABLE platform.outbox_reconciliation;
DROP FUNCTION IF EXISTS platform.guard_outbox(text);
