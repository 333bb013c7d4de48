-- The outbox's retry schedule. `next_attempt_at`: when a pending submission is next due; the sweep re-sends it once
-- that is well past (a queue message lost, or the queue gave up). `queued_at`: since when it has been pending (its
-- creation, or `npm run outbox -- retry`); it is given up as dead FORWARD_GIVE_UP_HOURS later, and stays in the
-- outbox for the retry command. Rows without them (written before) count from `updated_at` and `created_at`.
ALTER TABLE submissions ADD COLUMN next_attempt_at INTEGER;
ALTER TABLE submissions ADD COLUMN queued_at INTEGER;
