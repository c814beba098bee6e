-- Up Migration
SELECT platform.create_outbox('notification');

-- Down Migration
DROP TABLE notification.outbox;
