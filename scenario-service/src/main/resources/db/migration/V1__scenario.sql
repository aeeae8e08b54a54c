CREATE TABLE scenario (
    scenario_id TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Running enrollments stay on the version they started with, so versions are kept, never overwritten.
CREATE TABLE scenario_version (
    scenario_id TEXT NOT NULL REFERENCES scenario (scenario_id),
    version     INTEGER NOT NULL,
    definition  JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scenario_id, version)
);
