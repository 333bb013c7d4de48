-- Answers (POST /api/answer): what each question got, and the shoppers' "Did this answer your question?". Like the
-- other insights: no identifier, no time but the day. The question is kept (anonymised) only when nothing answered
-- it or the shopper said the answer did not help: those are the help center's content gaps.
CREATE TABLE answer_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'self-service', 'none', 'helpful', 'not_helpful')),
	-- The article page that answered (answer, helpful, not_helpful) or the self-service action taken instead.
	target TEXT,
	query TEXT,
	locale TEXT NOT NULL,
	day TEXT NOT NULL,
	count INTEGER NOT NULL DEFAULT 1,
	compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX answer_events_by_day ON answer_events (day, outcome);
