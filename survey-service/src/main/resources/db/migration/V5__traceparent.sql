-- The W3C traceparent of the work that queued each call (null when tracing is off), sent on with it.
-- Expand only: the previous release neither reads nor writes this column.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
