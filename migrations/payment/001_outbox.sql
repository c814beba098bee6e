-- Up Migration
SELECT platform.create_outbox('payment');

-- Down Migration
DROP TABLE payment.outbox;
