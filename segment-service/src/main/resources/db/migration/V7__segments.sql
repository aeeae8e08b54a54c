CREATE TABLE segment (
    segment_id  TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    rule        JSONB NOT NULL,
    built_in    BOOLEAN NOT NULL DEFAULT FALSE,
    size        INTEGER NOT NULL DEFAULT 0,
    computed_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE segment_member (
    segment_id  TEXT NOT NULL REFERENCES segment (segment_id) ON DELETE CASCADE,
    customer_id TEXT NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (segment_id, customer_id)
);

-- Who entered and left, in one total order: seq is assigned under a lock held until commit, so it is also the
-- commit order and a consumer reading "after seq" never skips a change committed later.
CREATE TABLE segment_change (
    seq         BIGSERIAL PRIMARY KEY,
    segment_id  TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('entered', 'exited')),
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX segment_change_by_segment ON segment_change (segment_id, seq);
