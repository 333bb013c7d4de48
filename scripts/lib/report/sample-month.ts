/**
 * A plausible month of insights for the demo shop, as INSERT statements: what the README's picture of the report
 * shows, and what the browser test draws to check a full report. The same every time for the same last day (a
 * seeded generator), so the picture only changes when the report does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryD1 } from '../d1-query.ts';
import { addDays, sqlString } from './period.ts';

// [query, locale, searches a day, articles found (0: a gap), share of searches with a click]
const queries: [string, string, number, number, number][] = [
	['refund', 'en', 6, 8, 0.7],
	['track my order', 'en', 5, 6, 0.8],
	['return label', 'en', 4, 5, 0.6],
	['size guide', 'en', 3, 3, 0.9],
	['klarna', 'en', 2, 2, 0.5],
	['remboursement', 'fr', 3, 7, 0.6],
	['suivi colis', 'fr', 2, 5, 0.7],
	['gift card balance', 'en', 2, 0, 0],
	['student discount', 'en', 1.5, 0, 0],
	['click and collect', 'en', 1, 0, 0],
	['carte cadeau solde', 'fr', 1, 0, 0],
];

// [article, locale, yes votes a week, no votes a week]
const articles: [string, string, number, number][] = [
	['/en/returns-refunds/refund-timing', 'en', 9, 2],
	['/en/orders-tracking/where-is-my-order', 'en', 7, 4],
	['/en/returns-refunds/return-shipping-costs', 'en', 3, 5],
	['/en/payments/gift-cards', 'en', 2, 4],
	['/en/products-sizing/size-guide', 'en', 6, 1],
	['/fr/returns-refunds/delai-de-remboursement', 'fr', 4, 1],
	['/en/shipping/customs-and-duties', 'en', 0.5, 0.5],
];

const comments: [string, string, string, string][] = [
	['/en/returns-refunds/return-shipping-costs', 'en', 'outdated', 'The label price says 4 € but I was charged 6 €.'],
	['/en/payments/gift-cards', 'en', 'not_answered', 'How do I check the balance of my gift card?'],
	['/en/orders-tracking/where-is-my-order', 'en', 'unclear', 'Which carrier do you use for Ireland?'],
	['/en/payments/gift-cards', 'en', 'not_answered', 'Can a gift card pay for part of an order?'],
	['/fr/returns-refunds/delai-de-remboursement', 'fr', 'not_answered', 'Et pour un paiement en trois fois ?'],
	['/en/returns-refunds/return-shipping-costs', 'en', 'other', 'Please offer free returns for exchanges.'],
];

/** A small seeded generator (mulberry32): the same numbers for the same seed. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = Math.imul(state ^ (state >>> 15), state | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The INSERT statements of a month of events ending on `to` (one statement a table). */
export function sampleMonthStatements(to: string): string[] {
	const random = generator(20261130);
	const around = (mean: number) => Math.max(0, Math.round(mean * (0.5 + random())));
	const values = (rows: (string | number | null)[][]) => rows.map((row) => `(${row.map((value) => (typeof value === 'string' ? sqlString(value) : String(value))).join(', ')})`).join(',\n');
	const events: (string | number | null)[][] = [];
	const votes: (string | number)[][] = [];
	const outcomes: string[][] = [];
	for (let offset = 29; offset >= 0; offset--) {
		const day = addDays(to, -offset);
		// Busier on weekdays and on the days after a newsletter.
		const busy = ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 0.6 : 1) * (offset % 14 === 3 ? 1.8 : 1);
		for (const [query, locale, perDay, results, clickShare] of queries) {
			for (let search = around(perDay * busy); search > 0; search--) {
				events.push(['search', query, results, null, locale, day]);
				if (results > 0 && random() < clickShare) events.push(['click', query, results, 1 + Math.floor(random() * random() * 4), locale, day]);
			}
		}
		for (let deflection = around(2 * busy); deflection > 0; deflection--) events.push(['deflection', random() < 0.6 ? 'refund' : 'where is my parcel', 5, 1, 'en', day]);
		for (const [article, locale, yes, no] of articles) {
			for (let vote = around((yes * busy) / 7); vote > 0; vote--) votes.push([article, locale, 1, day]);
			for (let vote = around((no * busy) / 7); vote > 0; vote--) votes.push([article, locale, 0, day]);
		}
		const actions: [string, number][] = [['ticket', 5], ['return', 2], ['address_change', 0.5], ['tracking', 6]];
		for (const [action, perDay] of actions) for (let done = around(perDay * busy); done > 0; done--) outcomes.push([action, random() < 0.75 ? 'en' : 'fr', day]);
	}
	const feedback = [
		...comments.map(([article, locale, reason, comment], index) => [article, locale, reason, comment, addDays(to, -3 * index)]),
		['/en/payments/gift-cards', 'en', 'not_answered', null, addDays(to, -20)],
		['/en/orders-tracking/where-is-my-order', 'en', 'not_answered', null, addDays(to, -12)],
	];
	return [
		`INSERT INTO search_events (kind, query, results, rank, locale, day) VALUES\n${values(events)}`,
		`INSERT INTO article_votes (article, locale, helpful, day) VALUES\n${values(votes)}`,
		`INSERT INTO article_feedback (article, locale, reason, comment, day) VALUES\n${values(feedback)}`,
		`INSERT INTO service_outcomes (action, locale, day) VALUES\n${values(outcomes)}`,
	];
}

/** A new local D1 folder with the migrations applied and a sample month ending on `to` in it; returns the folder. */
export function sampleDatabase(to: string): string {
	const stateDir = mkdtempSync(join(tmpdir(), 'help-center-report-sample-'));
	execFileSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], {
		stdio: 'ignore',
		env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
	});
	// One call a table: the statements together would pass the length the system allows one argument.
	for (const statement of sampleMonthStatements(to)) queryD1({ remote: false, persistTo: stateDir }, [statement]);
	return stateDir;
}
