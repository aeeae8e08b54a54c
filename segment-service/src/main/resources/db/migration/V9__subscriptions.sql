-- Push consumers of the change feed. Each keeps its own cursor; any replica may deliver to a due subscription after
-- taking a short lease on it (FOR UPDATE SKIP LOCKED), so one batch is in flight per subscriber and order holds.
CREATE TABLE subscription (
    subscription_id      TEXT PRIMARY KEY,
    callback_url         TEXT NOT NULL UNIQUE,
    segment_ids          TEXT[] NOT NULL,
    authorization_header TEXT,
    signing_secret       TEXT NOT NULL,
    cursor               BIGINT NOT NULL,
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ NOT NULL,
    leased_until         TIMESTAMPTZ,
    last_error           TEXT,
    last_delivered_at    TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_due ON subscription (next_attempt_at);
