-- Up Migration
SELECT platform.guard_outbox('course');

-- Down Migration
ALTER TABLE course.outbox DROP CONSTRAINT outbox_occurred_at_plausible, DROP CONSTRAINT outbox_payload_is_object,
  DROP COLUMN quarantine_reason, DROP COLUMN quarantined_at;
