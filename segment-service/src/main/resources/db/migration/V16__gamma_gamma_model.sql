-- Every Gamma-Gamma spend model the nightly recompute (or POST /v1/models/gamma-gamma/fit) fitted; the newest is used.
CREATE TABLE gamma_gamma_model (
    id             BIGSERIAL PRIMARY KEY,
    as_of          DATE NOT NULL,
    p              DOUBLE PRECISION NOT NULL,
    q              DOUBLE PRECISION NOT NULL,
    gamma          DOUBLE PRECISION NOT NULL,
    log_likelihood DOUBLE PRECISION NOT NULL,
    customers      INTEGER NOT NULL,
    fitted_at      TIMESTAMPTZ NOT NULL
);
