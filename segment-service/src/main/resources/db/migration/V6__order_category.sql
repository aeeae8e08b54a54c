-- The first item's category, kept beside the items so store-wide scans need not read the JSON.
ALTER TABLE orders ADD COLUMN first_category TEXT;
UPDATE orders SET first_category = items -> 0 ->> 'category';
