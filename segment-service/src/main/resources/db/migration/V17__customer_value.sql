-- What each customer is worth, from the last computation of their figures: the expected revenue of the next 12
-- months (BG/NBD expected orders times the Gamma-Gamma expected spend), the same discounted, and the quintile of the
-- current (revenue to date) and the potential value among buyers. Empty for customers without an order.
ALTER TABLE customer_metrics
    ADD COLUMN value_potential            DOUBLE PRECISION,
    ADD COLUMN value_potential_discounted DOUBLE PRECISION,
    ADD COLUMN value_current_quintile     SMALLINT,
    ADD COLUMN value_potential_quintile   SMALLINT;

-- The quintile boundaries of the last full computation (the least value of quintiles 2 to 5), so a customer
-- refreshed after a write is placed against the same population.
ALTER TABLE store_stats
    ADD COLUMN current_value_cutoffs   DOUBLE PRECISION[],
    ADD COLUMN potential_value_cutoffs DOUBLE PRECISION[];
