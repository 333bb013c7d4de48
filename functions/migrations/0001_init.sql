-- Rate-limit counters: one row per key and fixed window, incremented atomically.
CREATE TABLE rate_counters (
	bucket TEXT NOT NULL,
	window_start INTEGER NOT NULL,
	count INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (bucket, window_start)
) WITHOUT ROWID;
