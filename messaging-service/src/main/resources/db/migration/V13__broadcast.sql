-- One-off broadcasts to an explicit audience (the recipients of a template or a scenario step between two moments);
-- each customer's message is queued under the key broadcast:<id>:<customer>, so a retried request queues nothing twice.
CREATE TABLE broadcast (
    broadcast_id    TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash    TEXT NOT NULL,
    name            TEXT NOT NULL,
    request         JSONB NOT NULL,
    audience_size   INTEGER,
    created_at      TIMESTAMPTZ NOT NULL,
    queued_at       TIMESTAMPTZ
);
ALTER TABLE message ADD COLUMN broadcast_id TEXT;
CREATE INDEX message_broadcast ON message (broadcast_id) WHERE broadcast_id IS NOT NULL;
