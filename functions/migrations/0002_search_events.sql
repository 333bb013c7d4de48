-- Search insight: what shoppers looked for, how many articles answered, which they opened. No identifier, no
-- cookie, no address: a normalised, anonymised query, the locale and a day.
CREATE TABLE search_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL CHECK (kind IN ('search', 'click', 'deflection')),
	query TEXT NOT NULL,
	results INTEGER NOT NULL,
	rank INTEGER,
	locale TEXT NOT NULL,
	day TEXT NOT NULL
);
CREATE INDEX search_events_by_day ON search_events (day, kind);
