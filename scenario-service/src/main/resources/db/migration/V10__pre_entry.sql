-- The customer's orders and revenue over the pre-entry period, read at entry: the report's CUPED covariates.
-- Nullable: enrollments made before this release have none, and the report counts them as 0.
ALTER TABLE enrollment ADD COLUMN pre_entry_orders INT;
ALTER TABLE enrollment ADD COLUMN pre_entry_revenue NUMERIC(14, 2);

-- The program-wide holdout: each customer's first entry (or held-out entry) into a scenario that is not
-- transactional, and which side of the program they are on.
CREATE TABLE program_member (
    customer_id TEXT PRIMARY KEY,
    held_out    BOOLEAN NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX program_member_joined ON program_member (joined_at);
