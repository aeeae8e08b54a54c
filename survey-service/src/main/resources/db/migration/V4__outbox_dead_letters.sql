-- A row the receiving service refuses as invalid (a 4xx other than auth or rate limits) is set aside with the reason
-- instead of holding back the rows behind it for ever; operators list them at GET /v1/admin/outbox/dead-letters.
ALTER TABLE outbox ADD COLUMN dead_at TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
