-- Calls to other services recorded in the erasing transaction, delivered by OutboxRelay until acknowledged.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    destination TEXT NOT NULL,
    payload     JSONB NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outbox_dequeue ON outbox (destination, due_at, id);
