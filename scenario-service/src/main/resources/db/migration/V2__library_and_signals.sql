-- A scenario installed from the library remembers which one, so installing again is a no-op.
ALTER TABLE scenario ADD COLUMN library_key TEXT UNIQUE;

-- What the other services tell: engagement (messaging-service), answers (survey-service). Stored once per id.
CREATE TABLE signal (
    signal_id   TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    attribution JSONB NOT NULL DEFAULT '{}'::jsonb,
    properties  JSONB NOT NULL DEFAULT '{}'::jsonb,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX signal_by_customer ON signal (customer_id, occurred_at);
