-- Up Migration
SELECT platform.create_outbox('enrollment');

-- Down Migration
DROP TABLE enrollment.outbox;
