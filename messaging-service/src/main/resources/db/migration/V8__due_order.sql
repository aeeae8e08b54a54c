-- Dispatch takes due messages in (due_at, customer, idempotency key) order: the same order on every run.
DROP INDEX message_due;
CREATE INDEX message_due ON message (due_at, customer_id, idempotency_key) WHERE due_at IS NOT NULL;
