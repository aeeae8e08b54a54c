-- The base's state each day the full recompute ran: the weekly health series reads the last day of each week.
-- Kept as taken, so erasing customers later cleans the base from then on without rewriting the weeks before.
CREATE TABLE base_health_day (
    day          DATE PRIMARY KEY,
    customers    INTEGER NOT NULL,
    reachable    INTEGER NOT NULL,
    inactive     INTEGER NOT NULL,
    dirty        INTEGER NOT NULL,
    erased_total INTEGER NOT NULL,
    taken_at     TIMESTAMPTZ NOT NULL
);

-- Which erasure row stands for an erased customer (the id's hash, when there was a customer): the other rows are the
-- same person's addresses. Rows from before this column count no one.
ALTER TABLE erasure ADD COLUMN erased_customer BOOLEAN NOT NULL DEFAULT FALSE;
