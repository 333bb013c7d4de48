-- The confirmation e-mail a shopper gets after a return, an address change or a contact message, sent by the queue
-- consumer from the outbox row (so a mail outage neither fails the request nor loses the e-mail). `confirmation`:
-- the message, encrypted, until it is sent (then NULL); `confirmation_status`: NULL when there is none to send.
ALTER TABLE submissions ADD COLUMN confirmation TEXT;
ALTER TABLE submissions ADD COLUMN confirmation_status TEXT CHECK (confirmation_status IN ('pending', 'sent', 'failed'));
ALTER TABLE submissions ADD COLUMN confirmation_sent_at INTEGER;
CREATE INDEX submissions_confirmation_pending ON submissions (confirmation_status) WHERE confirmation_status = 'pending';
