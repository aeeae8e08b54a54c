-- Failed passes in a row over the current step: the engine's retries wait longer each time, and an enrollment that
-- keeps failing for an unexpected reason is parked (outcome 'parked') instead of being retried for ever.
ALTER TABLE enrollment ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
