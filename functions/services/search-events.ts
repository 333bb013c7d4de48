import type { SearchEvent } from '../contract/events';

/**
 * Stores one search event with the day it happened (UTC) and nothing else about it: no time, no address, no
 * identifier, so the table can never tell one shopper's searches from another's.
 */
export async function recordSearchEvent(db: D1Database, event: SearchEvent, now = Date.now()): Promise<void> {
	await db
		.prepare('INSERT INTO search_events (kind, query, results, rank, locale, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
		.bind(event.kind, event.query, event.results, event.rank ?? null, event.locale, new Date(now).toISOString().slice(0, 10))
		.run();
}
