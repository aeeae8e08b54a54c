-- The "oops" guard counts a template's recent sends to a customer: sent_at now marks every hand-off (it was kept for
-- marketing only, the frequency cap's slot) and a request may say the repeat is intended.
ALTER TABLE message ADD COLUMN repeat_intended BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX message_template_sent ON message (customer_id, template_id, sent_at) WHERE sent_at IS NOT NULL;
