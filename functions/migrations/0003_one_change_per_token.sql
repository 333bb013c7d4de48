-- A change token (proof of the order's mailbox, 15 minutes) allows one return and one address change: the id of
-- the token that made a submission is kept, and a second submission of the same kind with it is refused.
ALTER TABLE submissions ADD COLUMN token_id TEXT;
CREATE UNIQUE INDEX submissions_one_per_token ON submissions (token_id, kind) WHERE token_id IS NOT NULL;
