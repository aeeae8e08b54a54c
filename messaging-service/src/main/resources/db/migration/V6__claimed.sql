-- A worker's claim on a message, told apart from a retry or a deferral that also waits with due_at in the future:
-- the backlog gauge counts claimed messages as in progress and waiting ones not at all (a clock standing still in a
-- demo would otherwise never see the queue empty).
ALTER TABLE message ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX message_claimed ON message (message_id) WHERE claimed;
