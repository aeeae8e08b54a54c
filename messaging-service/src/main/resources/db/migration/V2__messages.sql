-- Every message asked for, keyed by the caller's Idempotency-Key. The row is the durable queue: due_at says when a
-- worker should act on it next (NULL once final); any replica claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE message (
    message_id          TEXT PRIMARY KEY,
    idempotency_key     TEXT NOT NULL UNIQUE,
    request_hash        TEXT NOT NULL,
    channel             TEXT NOT NULL,
    customer_id         TEXT NOT NULL,
    recipient           TEXT,
    template_id         TEXT NOT NULL,
    locale              TEXT,
    variables           JSONB NOT NULL,
    category            TEXT NOT NULL CHECK (category IN ('marketing', 'transactional')),
    attribution         JSONB NOT NULL,
    when_capped         TEXT NOT NULL CHECK (when_capped IN ('defer', 'drop')),
    state               TEXT NOT NULL,
    due_at              TIMESTAMPTZ,
    attempts            INTEGER NOT NULL DEFAULT 0,
    sent_at             TIMESTAMPTZ,
    provider_message_id TEXT,
    detail              TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX message_due ON message (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX message_customer ON message (customer_id, created_at);
-- The frequency cap reads the last marketing send per customer.
CREATE INDEX message_marketing_sent ON message (customer_id, sent_at) WHERE category = 'marketing' AND sent_at IS NOT NULL;
CREATE INDEX message_provider_id ON message (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Each message's state history, in order.
CREATE TABLE message_state (
    id         BIGSERIAL PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES message (message_id) ON DELETE CASCADE,
    state      TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    detail     TEXT
);
CREATE INDEX message_state_by_message ON message_state (message_id, id);

-- Addresses (email, E.164 phone, push token) that must never be sent to, and why.
CREATE TABLE suppression (
    channel    TEXT NOT NULL,
    address    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, address)
);
