-- Customers whose figures and memberships must be recomputed, and when: a write marks its customer due now; any
-- replica drains the due rows with FOR UPDATE SKIP LOCKED in due order.
CREATE TABLE customer_reevaluation (
    customer_id TEXT PRIMARY KEY,
    due_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_reevaluation_due ON customer_reevaluation (due_at);
