-- "Was this article helpful?": one row per vote, and one per reason given after a "no". Like search_events: no
-- identifier, no time but the day; comments are cleared of e-mail addresses and long numbers before they arrive.
CREATE TABLE article_votes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	article TEXT NOT NULL,
	locale TEXT NOT NULL,
	helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
	day TEXT NOT NULL,
	count INTEGER NOT NULL DEFAULT 1,
	compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_votes_by_day ON article_votes (day, article);

CREATE TABLE article_feedback (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	article TEXT NOT NULL,
	locale TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (reason IN ('outdated', 'unclear', 'not_answered', 'other')),
	comment TEXT,
	day TEXT NOT NULL,
	count INTEGER NOT NULL DEFAULT 1,
	compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_feedback_by_day ON article_feedback (day, article);

-- What shoppers got done, recorded by the API when it happens (a ticket sent, a return or an address change made,
-- an order's tracking shown): the other side of deflection. The language and the day, nothing else.
CREATE TABLE service_outcomes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	action TEXT NOT NULL CHECK (action IN ('ticket', 'return', 'address_change', 'tracking')),
	locale TEXT NOT NULL,
	day TEXT NOT NULL,
	count INTEGER NOT NULL DEFAULT 1,
	compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_outcomes_by_day ON service_outcomes (day, action);

-- Events older than `insights.keepEventsDays` (content/site.yaml) are kept as daily counts: one row per day and
-- value with `count` events in it (`compacted` = 1), comments dropped. Reports sum `count`.
ALTER TABLE search_events ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE search_events ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0;
