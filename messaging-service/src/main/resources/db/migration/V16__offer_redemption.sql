-- Orders that carried one of the offers' codes, as segment-service passes them on: one row per order (a later write
-- of the order, a cancellation or a refund, updates it), attributed to the message that gave the customer the code
-- when there is one. Rows of erased customers keep only pseudonyms, so an offer's figures stay whole.
CREATE TABLE offer_redemption (
    order_id           TEXT PRIMARY KEY,
    customer_id        TEXT NOT NULL,
    code               TEXT NOT NULL,
    offer_id           TEXT NOT NULL REFERENCES offer (offer_id),
    message_id         TEXT,
    site_offering      BOOLEAN NOT NULL,
    status             TEXT NOT NULL,
    placed_at          TIMESTAMPTZ NOT NULL,
    currency           TEXT NOT NULL,
    total              NUMERIC(14, 2) NOT NULL,
    discount           NUMERIC(14, 2),
    discount_estimated BOOLEAN NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX offer_redemption_offer ON offer_redemption (offer_id);
CREATE INDEX offer_redemption_customer ON offer_redemption (customer_id, placed_at);
CREATE INDEX message_offer ON message (offer_id) WHERE offer_id IS NOT NULL;
CREATE INDEX offer_code_by_code ON offer_code (upper(code));
