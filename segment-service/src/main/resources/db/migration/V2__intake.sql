ALTER TABLE customer
    ADD COLUMN hygiene_status     TEXT NOT NULL DEFAULT 'missing',
    ADD COLUMN hygiene_suggestion TEXT;

CREATE TABLE product (
    sku        TEXT PRIMARY KEY,
    name       TEXT,
    category   TEXT,
    price      NUMERIC(14, 2),
    url        TEXT,
    image_url  TEXT,
    in_stock   BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_category ON product (category) WHERE in_stock;

-- Orders may arrive before their customer's profile: they are kept and count once the profile exists.
CREATE TABLE orders (
    order_id      TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL,
    placed_at     TIMESTAMPTZ NOT NULL,
    currency      TEXT NOT NULL,
    total         NUMERIC(14, 2) NOT NULL,
    discount_code TEXT,
    status        TEXT NOT NULL,
    items         JSONB NOT NULL DEFAULT '[]'::jsonb,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at);

CREATE TABLE event (
    event_id    TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    properties  JSONB NOT NULL DEFAULT '{}'::jsonb,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_customer_type_time ON event (customer_id, type, occurred_at);
