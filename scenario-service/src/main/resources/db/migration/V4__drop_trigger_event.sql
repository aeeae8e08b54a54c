-- API triggers are deduplicated through the signal table (signal id "trigger:<eventId>"); this table was never used.
DROP TABLE trigger_event;
