-- Offers are first class: each save is a new version, kept, so a message says which version it carried.
CREATE TABLE offer (
    offer_id   TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    definition JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE offer_version (
    offer_id   TEXT NOT NULL REFERENCES offer (offer_id),
    version    INTEGER NOT NULL,
    definition JSONB NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (offer_id, version)
);
-- A pool of single-use codes: a code is the message's that drew it, so a retried send draws the same one.
CREATE TABLE offer_code (
    offer_id    TEXT NOT NULL REFERENCES offer (offer_id),
    code        TEXT NOT NULL,
    message_id  TEXT UNIQUE,
    assigned_at TIMESTAMPTZ,
    PRIMARY KEY (offer_id, code)
);
CREATE INDEX offer_code_free ON offer_code (offer_id, code) WHERE message_id IS NULL;

ALTER TABLE message ADD COLUMN offer_id TEXT;
ALTER TABLE message ADD COLUMN offer_version INTEGER;
ALTER TABLE message ADD COLUMN offer_code TEXT;
-- Why a message went without the offer it asked for (expired, another channel, the pool empty).
ALTER TABLE message ADD COLUMN offer_withheld TEXT;
