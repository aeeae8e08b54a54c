-- Addresses of erased customers, kept only as salted hashes: a send to one of them is suppressed, and nothing here
-- says who it was.
CREATE TABLE erased_address (
    channel      TEXT NOT NULL,
    address_hash TEXT NOT NULL,
    erased_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, address_hash)
);
