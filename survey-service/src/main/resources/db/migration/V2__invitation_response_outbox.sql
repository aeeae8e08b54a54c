-- An invitation is one customer's personal link to one survey; its id is what the signed token carries.
CREATE TABLE invitation (
    invitation_id   TEXT PRIMARY KEY,
    survey_id       TEXT NOT NULL REFERENCES survey (survey_id),
    customer_id     TEXT,
    locale          TEXT,
    scenario_id     TEXT,
    step_id         TEXT,
    variant         TEXT,
    idempotency_key TEXT UNIQUE,
    request_hash    TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX invitation_by_survey ON invitation (survey_id, created_at);
CREATE INDEX invitation_by_customer ON invitation (customer_id);

-- At most one response per invitation: submitting again updates it (revision counts the submissions).
CREATE TABLE response (
    invitation_id TEXT PRIMARY KEY REFERENCES invitation (invitation_id),
    survey_id     TEXT NOT NULL,
    answers       JSONB NOT NULL,
    revision      INTEGER NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX response_by_survey ON response (survey_id);

-- Calls to other services recorded in the answering transaction, delivered by OutboxRelay until acknowledged.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    destination TEXT NOT NULL,
    payload     JSONB NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outbox_dequeue ON outbox (destination, due_at, id);
