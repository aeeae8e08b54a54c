CREATE TABLE customer (
    customer_id      TEXT PRIMARY KEY,
    email            TEXT,
    phone            TEXT,
    first_name       TEXT,
    last_name        TEXT,
    locale           TEXT,
    timezone         TEXT,
    country          TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    consent_email    BOOLEAN NOT NULL DEFAULT FALSE,
    consent_email_at TIMESTAMPTZ,
    consent_sms      BOOLEAN NOT NULL DEFAULT FALSE,
    consent_sms_at   TIMESTAMPTZ,
    consent_push     BOOLEAN NOT NULL DEFAULT FALSE,
    consent_push_at  TIMESTAMPTZ,
    attributes       JSONB NOT NULL DEFAULT '{}'::jsonb,
    updated_at       TIMESTAMPTZ NOT NULL
);
