-- What providers reported, normalised; each provider event is stored once (its id is the natural key).
CREATE TABLE engagement_event (
    id                BIGSERIAL PRIMARY KEY,
    provider          TEXT NOT NULL,
    provider_event_id TEXT NOT NULL,
    message_id        TEXT,
    customer_id       TEXT,
    channel           TEXT NOT NULL,
    type              TEXT NOT NULL,
    bounce            TEXT CHECK (bounce IN ('hard', 'soft')),
    address           TEXT,
    url               TEXT,
    detail            TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (provider, provider_event_id)
);
CREATE INDEX engagement_event_message ON engagement_event (message_id);
CREATE INDEX engagement_event_soft_bounce ON engagement_event (channel, address) WHERE bounce = 'soft';

-- Webhook nonces already seen (Mailgun tokens), kept past the accepted timestamp window.
CREATE TABLE webhook_nonce (
    provider   TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, nonce)
);

-- Calls to other services decided in the same transaction as the change that causes them, delivered until
-- acknowledged (transactional outbox); drained in id order per destination by any replica.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    destination TEXT NOT NULL,
    payload     JSONB NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    due_at      TIMESTAMPTZ NOT NULL,
    last_error  TEXT
);
CREATE INDEX outbox_due ON outbox (due_at);
