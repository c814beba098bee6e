-- Up Migration
-- A command writes its rows and events as one statement (see backend/src/platform/actors/command-statement.ts);
-- this refuses the whole statement when one of its version-guarded root updates matched no row, i.e. another
-- command changed that aggregate since it was read. 40001 (serialization_failure): the command runs again.
CREATE OR REPLACE FUNCTION platform.expect_rows(matched bigint, expected integer) RETURNS integer
LANGUAGE plpgsql AS $fn$
BEGIN
  IF matched <> expected THEN
    RAISE EXCEPTION 'version conflict: % of % aggregates were changed by another command', expected - matched, expected
      USING ERRCODE = '40001';
  END IF;
  RETURN matched;
END
$fn$;

-- Down Migration
DROP FUNCTION IF EXISTS platform.expect_rows(bigint, integer);
