-- A journey that may only carry what the site offers everyone says so on each send; checked when it goes.
ALTER TABLE message ADD COLUMN offer_site_only BOOLEAN NOT NULL DEFAULT FALSE;
