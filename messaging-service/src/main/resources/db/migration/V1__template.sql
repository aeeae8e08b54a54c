CREATE TABLE template (
    template_id TEXT PRIMARY KEY,
    channel     TEXT NOT NULL,
    locales     JSONB NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
