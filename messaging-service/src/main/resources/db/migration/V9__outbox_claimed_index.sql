-- The backlog gauge counts outbox rows due or claimed at every scrape: with this index next to outbox_due it reads
-- both index ranges instead of the whole table (a table full of dead delivered rows took 17 ms a count).
CREATE INDEX outbox_claimed ON outbox (id) WHERE claimed;
