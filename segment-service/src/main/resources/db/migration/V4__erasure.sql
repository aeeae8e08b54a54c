-- What is left of an erased customer: salted hashes only, so a re-import is recognised and nothing personal is kept.
CREATE TABLE erasure (
    subject_hash TEXT PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL
);

ALTER TABLE customer ADD COLUMN previously_erased BOOLEAN NOT NULL DEFAULT FALSE;
