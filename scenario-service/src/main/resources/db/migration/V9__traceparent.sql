-- The W3C traceparent of the segment change or trigger that enrolled the customer (null when tracing is off): the
-- journey's steps continue that trace. Expand only: the previous release neither reads nor writes this column.
ALTER TABLE enrollment ADD COLUMN traceparent TEXT;
