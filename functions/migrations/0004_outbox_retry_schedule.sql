-- The outbox's retry schedule. `next_attempt_at`: when a pending submission is next due; the sweep re-sends it once
-- that is well past (a queue message lost, or the queue gave up). `queued_at`: since when it has been pending (its
-- creation, or `npm run outbox -- retry`); it is given up as dead FORWARD_GIVE_UP_HOURS later, and stays in the
-- outbox for the retry command.
ALTER TABLE submissions ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN queued_at INTEGER;
UPDATE submissions SET next_attempt_at = updated_at, queued_at = created_at;
CREATE INDEX submissions_due ON submissions (status, next_attempt_at);
