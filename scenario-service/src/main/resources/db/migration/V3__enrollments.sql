-- One customer's run through one scenario version: a durable state machine. The engine claims due rows with
-- FOR UPDATE SKIP LOCKED (any replica), runs the current step, and commits the next state with the next due time.
CREATE TABLE enrollment (
    enrollment_id    TEXT PRIMARY KEY,
    scenario_id      TEXT NOT NULL REFERENCES scenario (scenario_id),
    version          INTEGER NOT NULL,
    customer_id      TEXT NOT NULL,
    entry_key        TEXT NOT NULL DEFAULT '',
    holdout          BOOLEAN NOT NULL,
    variant          TEXT,
    priority         INTEGER NOT NULL DEFAULT 0,
    state            TEXT NOT NULL,            -- active, ended
    outcome          TEXT,                     -- won_back, finished, unsubscribed, rfm_floor, erased, gone
    current_step     TEXT,
    step_started_at  TIMESTAMPTZ,
    visits           JSONB NOT NULL DEFAULT '{}'::jsonb,  -- step id -> times entered (part of each side effect's key)
    waiting_for      TEXT,
    due_at           TIMESTAMPTZ,
    leased_until     TIMESTAMPTZ,
    variables        JSONB NOT NULL DEFAULT '{}'::jsonb,
    revenue_at_entry NUMERIC(14, 2),
    entered_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    measure_at       TIMESTAMPTZ,              -- end of the attribution window
    converted_at     TIMESTAMPTZ,
    revenue          NUMERIC(14, 2)
);
CREATE UNIQUE INDEX enrollment_one_active ON enrollment (scenario_id, customer_id, entry_key) WHERE state = 'active';
CREATE INDEX enrollment_due ON enrollment (due_at, priority DESC) WHERE state = 'active';
CREATE INDEX enrollment_to_measure ON enrollment (measure_at) WHERE converted_at IS NULL AND measure_at IS NOT NULL;
CREATE INDEX enrollment_by_customer ON enrollment (customer_id);
CREATE INDEX enrollment_by_scenario ON enrollment (scenario_id, entered_at);

-- What happened at each step, for the report: entered, sent, held_out, capped, opened, clicked, survey_answered,
-- converted, unsubscribed, suppressed, erased, exited.
CREATE TABLE journal (
    id            BIGSERIAL PRIMARY KEY,
    enrollment_id TEXT NOT NULL,
    scenario_id   TEXT NOT NULL,
    step_id       TEXT,
    variant       TEXT,
    holdout       BOOLEAN NOT NULL,
    kind          TEXT NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    amount        NUMERIC(14, 2)
);
CREATE INDEX journal_by_scenario ON journal (scenario_id, kind);

-- The frequency cap across all scenarios: when each customer was last sent a re-engagement message.
CREATE TABLE contact (
    customer_id  TEXT PRIMARY KEY,
    last_sent_at TIMESTAMPTZ NOT NULL,
    last_key     TEXT NOT NULL  -- the send that took the slot: its retry after a crash keeps it
);

-- Where each segment trigger has read segment-service's change feed up to.
CREATE TABLE feed_cursor (
    feed_key   TEXT PRIMARY KEY,  -- scenario id | segment id
    cursor     TEXT NOT NULL
);

-- API triggers (POST /v1/triggers) seen, so a storefront's retry enrolls nobody twice.
CREATE TABLE trigger_event (
    event_id    TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    type        TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
