-- Up Migration
-- A student pays for a course once. Payments taken twice before this rule existed (issue #12: no Idempotency-Key,
-- or a stale second tab) keep their earliest completed payment; the later ones become refunds.
UPDATE payment.payments p
   SET status = 'refunded', version = p.version + 1
  FROM (SELECT id, row_number() OVER (PARTITION BY student_id, course_id ORDER BY created_at, id) AS nth
          FROM payment.payments WHERE status = 'completed') ranked
 WHERE ranked.id = p.id AND ranked.nth > 1;
CREATE UNIQUE INDEX payments_one_completed_per_course ON payment.payments (student_id, course_id)
  WHERE status = 'completed';

-- Down Migration
DROP INDEX payment.payments_one_completed_per_course;
