-- "Was this article helpful?": one row per vote, and one per reason given after a "no". Like search_events: no
-- identifier, no time but the day; comments are cleared of e-mail addresses and long numbers before they arrive.
CREATE TABLE article_votes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	article TEXT NOT NULL,
	locale TEXT NOT NULL,
	helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
	day TEXT NOT NULL
);
CREATE INDEX article_votes_by_day ON article_votes (day, article);

CREATE TABLE article_feedback (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	article TEXT NOT NULL,
	locale TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (reason IN ('outdated', 'unclear', 'not_answered', 'other')),
	comment TEXT,
	day TEXT NOT NULL
);
CREATE INDEX article_feedback_by_day ON article_feedback (day, article);
