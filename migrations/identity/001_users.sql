-- Up Migration
CREATE TABLE identity.users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL,
  password_hash text NOT NULL,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('student', 'teacher', 'admin')),
  is_verified   boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  version       integer NOT NULL DEFAULT 1
);
-- Emails are stored lower-cased; uniqueness is the register command's conflict check.
CREATE UNIQUE INDEX users_email ON identity.users (email);
CREATE INDEX users_pending_teachers ON identity.users (created_at) WHERE role = 'teacher' AND NOT is_verified;
SELECT platform.create_outbox('identity');

-- Down Migration
DROP TABLE identity.outbox;
DROP TABLE identity.users;
