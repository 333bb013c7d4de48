import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { recordEvent, recordOutcome } from '../../functions/services/events';

describe('recordEvent', () => {
	it('stores the event with the UTC day it happened and nothing else', async () => {
		const lateEvening = Date.UTC(2031, 4, 6, 23, 59, 59);
		await recordEvent(env.DB, { kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr' }, lateEvening);
		const row = await env.DB.prepare(`SELECT * FROM search_events WHERE query = 'colis perdu'`).first<Record<string, unknown>>();
		expect(row).toEqual({ id: expect.any(Number), kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr', day: '2031-05-06' });
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
});
