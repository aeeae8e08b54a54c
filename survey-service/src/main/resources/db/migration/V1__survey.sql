CREATE TABLE survey (
    survey_id      TEXT PRIMARY KEY,
    default_locale TEXT NOT NULL,
    definition     JSONB NOT NULL,
    version        INTEGER NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
