-- Due customers are drained in (due_at, customer_id) order: batches, and so the change feed, come out the same on
-- every run of the same history (customers due at the same moment are common: a whole day's boundaries).
DROP INDEX customer_reevaluation_due;
CREATE INDEX customer_reevaluation_due ON customer_reevaluation (due_at, customer_id);
