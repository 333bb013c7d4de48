import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { compactEvents, recordEvent, recordOutcome } from '../../functions/services/events';

describe('recordEvent', () => {
	it('stores the event with the UTC day it happened and nothing else', async () => {
		const lateEvening = Date.UTC(2031, 4, 6, 23, 59, 59);
		await recordEvent(env.DB, { kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr' }, lateEvening);
		const row = await env.DB.prepare(`SELECT * FROM search_events WHERE query = 'colis perdu'`).first<Record<string, unknown>>();
		expect(row).toEqual({ id: expect.any(Number), kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr', day: '2031-05-06', count: 1, compacted: 0 });
	});

	it('stores a search without a rank, today by default', async () => {
		const before = new Date().toISOString().slice(0, 10);
		await recordEvent(env.DB, { kind: 'search', query: 'refund policy', results: 0, locale: 'en' });
		const after = new Date().toISOString().slice(0, 10);
		const row = await env.DB.prepare(`SELECT rank, results, day FROM search_events WHERE query = 'refund policy'`).first<{ day: string }>();
		expect(row).toMatchObject({ rank: null, results: 0 });
		expect([before, after]).toContain(row?.day);
	});

	it('stores votes and the reasons given after a "no" in tables of their own, with the day only', async () => {
		const day = Date.UTC(2031, 0, 2, 8);
		await recordEvent(env.DB, { kind: 'vote', article: '/en/shipping/vote-test', helpful: false, locale: 'en' }, day);
		await recordEvent(env.DB, { kind: 'vote_reason', article: '/en/shipping/vote-test', reason: 'outdated', comment: 'Prices changed', locale: 'en' }, day);
		await recordEvent(env.DB, { kind: 'vote_reason', article: '/en/shipping/vote-test', reason: 'other', locale: 'en' }, day);
		const votes = await env.DB.prepare(`SELECT article, locale, helpful, day FROM article_votes WHERE article = '/en/shipping/vote-test'`).all();
		expect(votes.results).toEqual([{ article: '/en/shipping/vote-test', locale: 'en', helpful: 0, day: '2031-01-02' }]);
		const reasons = await env.DB.prepare(`SELECT reason, comment, day FROM article_feedback WHERE article = '/en/shipping/vote-test' ORDER BY id`).all();
		expect(reasons.results).toEqual([
			{ reason: 'outdated', comment: 'Prices changed', day: '2031-01-02' },
			{ reason: 'other', comment: null, day: '2031-01-02' },
		]);
	});

	it('stores what a shopper got done with its language and day only', async () => {
		const day = Date.UTC(2031, 1, 3, 12);
		await recordOutcome(env.DB, 'return', 'fr', day);
		await recordOutcome(env.DB, 'ticket', 'en', day);
		const rows = await env.DB.prepare(`SELECT action, locale, day FROM service_outcomes WHERE day = '2031-02-03' ORDER BY id`).all();
		expect(rows.results).toEqual([
			{ action: 'return', locale: 'fr', day: '2031-02-03' },
			{ action: 'ticket', locale: 'en', day: '2031-02-03' },
		]);
	});

	it('keeps events past the retention period as daily counts, without comments, and leaves recent ones as they came', async () => {
		const old = Date.UTC(2020, 5, 1, 10);
		const recent = Date.UTC(2020, 6, 30, 10);
		for (let index = 0; index < 3; index++) await recordEvent(env.DB, { kind: 'search', query: 'retention test', results: 0, locale: 'en' }, old);
		await recordEvent(env.DB, { kind: 'search', query: 'retention test', results: 0, locale: 'en' }, recent);
		await recordEvent(env.DB, { kind: 'vote_reason', article: '/en/a/retention', reason: 'unclear', comment: 'Kept for a while', locale: 'en' }, old);
		await recordEvent(env.DB, { kind: 'vote_reason', article: '/en/a/retention', reason: 'unclear', comment: 'Another', locale: 'en' }, old);
		await recordOutcome(env.DB, 'ticket', 'en', old);
		await recordOutcome(env.DB, 'ticket', 'en', old);

		const now = Date.UTC(2020, 7, 1);
		await compactEvents(env.DB, 30, now);
		await compactEvents(env.DB, 30, now);

		const searches = await env.DB.prepare(`SELECT day, count, compacted FROM search_events WHERE query = 'retention test' ORDER BY day`).all();
		expect(searches.results).toEqual([
			{ day: '2020-06-01', count: 3, compacted: 1 },
			{ day: '2020-07-30', count: 1, compacted: 0 },
		]);
		const reasons = await env.DB.prepare(`SELECT reason, comment, count FROM article_feedback WHERE article = '/en/a/retention'`).all();
		expect(reasons.results).toEqual([{ reason: 'unclear', comment: null, count: 2 }]);
		const tickets = await env.DB.prepare(`SELECT SUM(count) AS total, COUNT(*) AS rows FROM service_outcomes WHERE day = '2020-06-01'`).first();
		expect(tickets).toEqual({ total: 2, rows: 1 });
	});
});
