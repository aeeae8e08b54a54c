-- A relay's claim on outbox rows, told apart from a failed delivery waiting for its retry (both wait with due_at in
-- the future): the backlog gauge counts claimed rows as in progress and waiting ones only once due (a clock standing
-- still in a demo would otherwise never see the outbox empty).
ALTER TABLE outbox ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT false;
