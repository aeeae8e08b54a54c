-- The engine takes due enrollments in (due_at, priority, scenario, customer) order: the same order on every run.
DROP INDEX enrollment_due;
CREATE INDEX enrollment_due ON enrollment (due_at, priority DESC, scenario_id, customer_id) WHERE state = 'active';
