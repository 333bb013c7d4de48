import type { HelpCenterEvent } from '../contract/events';

/** What a shopper got done through the help center, as the API saw it happen. */
export type ServiceOutcome = 'ticket' | 'return' | 'address_change' | 'tracking';

/** The UTC day of `now`: the only time an event keeps. */
const dayOf = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * Stores one event in its table (search_events, article_votes, article_feedback) with the day it happened (UTC)
 * and nothing else about it: no time, no address, no identifier, so no table can tell one shopper from another.
 */
export async function recordEvent(db: D1Database, event: HelpCenterEvent, now = Date.now()): Promise<void> {
	const day = dayOf(now);
	const statement = (() => {
		switch (event.kind) {
			case 'vote':
				return db.prepare('INSERT INTO article_votes (article, locale, helpful, day) VALUES (?1, ?2, ?3, ?4)').bind(event.article, event.locale, event.helpful ? 1 : 0, day);
			case 'vote_reason':
				return db
					.prepare('INSERT INTO article_feedback (article, locale, reason, comment, day) VALUES (?1, ?2, ?3, ?4, ?5)')
					.bind(event.article, event.locale, event.reason, event.comment ?? null, day);
			case 'answer_vote':
				return answerOutcomeStatement(db, { outcome: event.helpful ? 'helpful' : 'not_helpful', target: event.article, query: event.query, locale: event.locale }, day);
			default:
				return db
					.prepare('INSERT INTO search_events (kind, query, results, rank, locale, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
					.bind(event.kind, event.query, event.results, 'rank' in event ? event.rank : null, event.locale, day);
		}
	})();
	await statement.run();
}

/**
 * Stores that a shopper got something done (a ticket sent, a return or an address change made, an order's tracking
 * shown), with its language and the day only: what the report weighs deflections against.
 */
export async function recordOutcome(db: D1Database, action: ServiceOutcome, locale: string, now = Date.now()): Promise<void> {
	await db.prepare('INSERT INTO service_outcomes (action, locale, day) VALUES (?1, ?2, ?3)').bind(action, locale, dayOf(now)).run();
}

/** What a question to the answer engine got, or what the shopper said of the answer. */
export interface AnswerOutcome {
	outcome: 'answer' | 'self-service' | 'none' | 'helpful' | 'not_helpful';
	/** The article page that answered, or the self-service action. */
	target?: string | undefined;
	/** The anonymised question: kept only for `none` and `not_helpful`, the content gaps. */
	query?: string | undefined;
	locale: string;
}

function answerOutcomeStatement(db: D1Database, event: AnswerOutcome, day: string): D1PreparedStatement {
	const query = event.outcome === 'none' || event.outcome === 'not_helpful' ? (event.query ?? null) : null;
	return db.prepare('INSERT INTO answer_events (outcome, target, query, locale, day) VALUES (?1, ?2, ?3, ?4, ?5)').bind(event.outcome, event.target ?? null, query, event.locale, day);
}

/** Stores what a question got, with the day only. */
export async function recordAnswerOutcome(db: D1Database, event: AnswerOutcome, now = Date.now()): Promise<void> {
	await answerOutcomeStatement(db, event, dayOf(now)).run();
}

/** The event tables and the columns that make a daily count: everything but the comment, which is dropped. */
const dailyCounts = [
	{ table: 'search_events', columns: 'kind, query, results, rank, locale, day' },
	{ table: 'article_votes', columns: 'article, locale, helpful, day' },
	{ table: 'article_feedback', columns: 'article, locale, reason, day' },
	{ table: 'service_outcomes', columns: 'action, locale, day' },
	{ table: 'answer_events', columns: 'outcome, target, query, locale, day' },
] as const;

/**
 * Keeps events older than `keepDays` as daily counts only: their rows become one row per day and value, with the
 * number of events in `count` and no comment. Reports sum `count`, so they read raw and compacted days alike.
 * All tables in one batch, which D1 runs as one transaction.
 */
export async function compactEvents(db: D1Database, keepDays: number, now = Date.now()): Promise<void> {
	const cutoff = dayOf(now - keepDays * 86_400_000);
	await db.batch(
		dailyCounts.flatMap(({ table, columns }) => [
			db.prepare(`INSERT INTO ${table} (${columns}, count, compacted) SELECT ${columns}, SUM(count), 1 FROM ${table} WHERE compacted = 0 AND day < ?1 GROUP BY ${columns}`).bind(cutoff),
			db.prepare(`DELETE FROM ${table} WHERE compacted = 0 AND day < ?1`).bind(cutoff),
		]),
	);
}
