-- The device token the storefront's app registered (FCM), so that push can reach the customer like email and SMS do.
ALTER TABLE customer ADD COLUMN push_token TEXT;
