-- RFM scores of the last full computation; recomputed on a schedule and on demand.
CREATE TABLE customer_rfm (
    customer_id TEXT PRIMARY KEY,
    recency     SMALLINT NOT NULL,
    frequency   SMALLINT NOT NULL,
    monetary    SMALLINT NOT NULL,
    percentile  DOUBLE PRECISION NOT NULL,
    as_of       DATE NOT NULL
);

CREATE TABLE bgnbd_model (
    id             BIGSERIAL PRIMARY KEY,
    as_of          DATE NOT NULL,
    r              DOUBLE PRECISION NOT NULL,
    alpha          DOUBLE PRECISION NOT NULL,
    a              DOUBLE PRECISION NOT NULL,
    b              DOUBLE PRECISION NOT NULL,
    log_likelihood DOUBLE PRECISION NOT NULL,
    customers      INTEGER NOT NULL,
    fitted_at      TIMESTAMPTZ NOT NULL
);

-- Store-level figures of the last full computation that per-customer reads lean on (one row).
CREATE TABLE store_stats (
    id                      SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of                   DATE NOT NULL,
    first_to_second_days    DOUBLE PRECISION,
    computed_at             TIMESTAMPTZ NOT NULL
);
