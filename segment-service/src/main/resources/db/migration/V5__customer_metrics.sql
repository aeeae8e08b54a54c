-- Every customer's figures as of their last computation, for segment rules over the whole base.
-- Figures that move with time alone are kept as timestamps (last_order_at), so a rule reads them against "now".
CREATE TABLE customer_metrics (
    customer_id            TEXT PRIMARY KEY,
    first_order_at         TIMESTAMPTZ,
    last_order_at          TIMESTAMPTZ,
    order_count            INTEGER NOT NULL,
    revenue                NUMERIC(16, 2) NOT NULL,
    average_gap_days       DOUBLE PRECISION,
    last_category          TEXT,
    last_engagement_at     TIMESTAMPTZ,
    last_email_open_at     TIMESTAMPTZ,
    p_alive                DOUBLE PRECISION,
    expected_orders_30     DOUBLE PRECISION,
    expected_orders_90     DOUBLE PRECISION,
    expected_orders_365    DOUBLE PRECISION,
    expected_next_order_on DATE,
    computed_at            TIMESTAMPTZ NOT NULL
);
