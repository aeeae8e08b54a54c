-- The W3C traceparent of the work that made each row (null when tracing is off), so the worker that takes it up
-- continues that trace. Expand only: the previous release neither reads nor writes these columns.
ALTER TABLE customer_reevaluation ADD COLUMN traceparent TEXT;
ALTER TABLE segment_change ADD COLUMN traceparent TEXT;
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
