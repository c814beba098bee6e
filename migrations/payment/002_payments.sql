-- Up Migration
CREATE TABLE payment.payments (
  id              uuid PRIMARY KEY,
  student_id      uuid NOT NULL,
  course_id       uuid NOT NULL,
  amount          numeric(10, 2) NOT NULL CHECK (amount > 0),
  status          text NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'refunded')),
  -- A retried POST with the same Idempotency-Key returns the first payment instead of charging again.
  idempotency_key text,
  created_at      timestamptz NOT NULL,
  version         integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX payments_idempotency ON payment.payments (student_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX payments_student_course ON payment.payments (student_id, course_id, created_at DESC);

-- Down Migration
DROP TABLE payment.payments;
