-- The engine's dequeue order was not total: a customer may hold one active enrollment per entry key (a cart each),
-- and such ties came back in whatever order the plan gave, so a replay of one seed could differ. The entry key ends
-- the order (unique with scenario and customer among active enrollments). The previous release's order is a prefix
-- of this one, so this index serves it too during a rolling upgrade.
DROP INDEX enrollment_due;
CREATE INDEX enrollment_due ON enrollment (due_at, priority DESC, scenario_id, customer_id, entry_key)
    WHERE state = 'active';
