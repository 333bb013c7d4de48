-- Rate-limit counters: one row per key and fixed window, incremented atomically (D1 has a single primary,
-- so counts are exact, unlike the Workers rate-limit binding).
CREATE TABLE rate_counters (
	bucket TEXT NOT NULL,
	window_start INTEGER NOT NULL,
	count INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (bucket, window_start)
) WITHOUT ROWID;

-- Values the Worker generates once and keeps, such as the demo signing key.
CREATE TABLE settings (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Idempotency-Key ledger: the first answer to a key is replayed to every retry with the same body.
CREATE TABLE idempotency_keys (
	scope TEXT NOT NULL,
	key TEXT NOT NULL,
	request_hash TEXT NOT NULL,
	state TEXT NOT NULL CHECK (state IN ('processing', 'done')),
	status INTEGER,
	body TEXT,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (scope, key)
) WITHOUT ROWID;

-- One-time codes proving possession of an order's e-mail address; only a keyed hash of the code is stored.
CREATE TABLE verification_codes (
	id TEXT PRIMARY KEY,
	order_id TEXT NOT NULL,
	code_hash TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	expires_at INTEGER NOT NULL,
	consumed_at INTEGER,
	created_at INTEGER NOT NULL
);
CREATE INDEX verification_codes_by_order ON verification_codes (order_id, created_at);

-- The outbox: every ticket, return and address change, written before the shopper gets a 2xx, then forwarded
-- to the helpdesk by the queue (and the scheduled sweep for anything stuck).
CREATE TABLE submissions (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('contact', 'return', 'address_change')),
	status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
	ticket TEXT NOT NULL,
	order_id TEXT,
	shop_reference TEXT,
	helpdesk_id TEXT,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	sent_at INTEGER
);
CREATE INDEX submissions_by_status ON submissions (status, updated_at);

-- The local inbox: the helpdesk and the mailbox of demo mode (`npm run inbox` lists it).
CREATE TABLE inbox (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL CHECK (kind IN ('ticket', 'email')),
	external_id TEXT UNIQUE,
	recipient TEXT,
	sender TEXT,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	tags TEXT NOT NULL DEFAULT '[]',
	created_at INTEGER NOT NULL
);

-- What shoppers changed on demo orders (returns, addresses), laid over the fixture orders.
CREATE TABLE demo_order_changes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	order_id TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('return', 'address')),
	data TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX demo_order_changes_by_order ON demo_order_changes (order_id);
