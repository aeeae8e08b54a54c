-- What an order's discount code took off it, when the storefront says (passed on with the code to messaging-service).
ALTER TABLE orders ADD COLUMN discount_amount NUMERIC(14, 2);
