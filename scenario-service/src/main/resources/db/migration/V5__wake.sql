-- A signal that arrives while a runner holds the enrollment (under its lease) is not lost: the runner's next wait
-- sees the flag and looks again at once instead of sleeping until its timeout.
ALTER TABLE enrollment ADD COLUMN wake BOOLEAN NOT NULL DEFAULT false;
