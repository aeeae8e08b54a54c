-- Outbox destinations are named after the Destination enum since scenario-service became the second one.
UPDATE outbox SET destination = 'SEGMENT_EVENTS' WHERE destination = 'segment-events';
