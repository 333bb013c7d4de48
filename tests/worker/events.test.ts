import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, freshIp } from '../support/api-client';

const count = async () => (await env.DB.prepare('SELECT COUNT(*) AS count FROM search_events').first<{ count: number }>())?.count ?? -1;

describe('POST /api/events', () => {
	it('stores a search, a click and a deflection with the day only', async () => {
		const before = await count();
		for (const body of [
			{ kind: 'search', query: 'remboursement', results: 4, locale: 'fr' },
			{ kind: 'click', query: 'remboursement', results: 4, rank: 2, locale: 'fr' },
			{ kind: 'deflection', query: 'refund', results: 3, rank: 1, locale: 'en' },
		]) {
			const response = await call('/api/events', { body, headers: { 'CF-Connecting-IP': freshIp() } });
			expect(response.status).toBe(204);
		}
		expect(await count()).toBe(before + 3);
		const row = await env.DB.prepare(`SELECT * FROM search_events WHERE kind = 'click'`).first<Record<string, unknown>>();
		expect(row).toMatchObject({ query: 'remboursement', rank: 2, locale: 'fr', day: new Date().toISOString().slice(0, 10) });
		expect(Object.keys(row ?? {}).sort()).toEqual(['compacted', 'count', 'day', 'id', 'kind', 'locale', 'query', 'rank', 'results']);
	});

	it('refuses malformed, personal, oversized and unknown-locale events, storing nothing', async () => {
		const before = await count();
		const bad = [
			{ kind: 'search', query: 'refund', results: 4, locale: 'fr', extra: 1 },
			{ kind: 'search', query: 'my order 123456 jane@example.com', results: 1, locale: 'en' },
			{ kind: 'click', query: 'refund', results: 1, locale: 'en' },
			{ kind: 'search', query: 'refund', results: -1, locale: 'en' },
			{ kind: 'search', query: 'refund', results: 1, locale: 'de' },
			{ kind: 'search', query: 'x'.repeat(600), results: 1, locale: 'en' },
			{ kind: 'buy', query: 'refund', results: 1, locale: 'en' },
		];
		for (const body of bad) {
			const response = await call('/api/events', { body, headers: { 'CF-Connecting-IP': freshIp() } });
			expect(response.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
			expect(response.status).toBeLessThan(500);
			expect(response.json.error.code).toMatch(/^(invalid_request|payload_too_large)$/);
		}
		expect(await count()).toBe(before);
	});

	it('stores a vote and a reason with its comment cleared of personal data', async () => {
		const article = '/en/shipping/worker-vote-test';
		for (const body of [
			{ kind: 'vote', article, helpful: false, locale: 'en' },
			{ kind: 'vote_reason', article, reason: 'not_answered', comment: 'Mail me at sam@example.com about 1234567', locale: 'en' },
		]) {
			expect((await call('/api/events', { body, headers: { 'CF-Connecting-IP': freshIp() } })).status).toBe(204);
		}
		const vote = await env.DB.prepare('SELECT helpful, day FROM article_votes WHERE article = ?1').bind(article).first();
		expect(vote).toEqual({ helpful: 0, day: new Date().toISOString().slice(0, 10) });
		const reason = await env.DB.prepare('SELECT reason, comment FROM article_feedback WHERE article = ?1').bind(article).first();
		expect(reason).toEqual({ reason: 'not_answered', comment: 'Mail me at @ about #' });
	});

	it('refuses markup-carrying, oversized and malformed votes, storing nothing', async () => {
		const article = '/en/shipping/worker-bad-vote';
		const stored = async () => {
			const votes = await env.DB.prepare('SELECT COUNT(*) AS n FROM article_votes WHERE article = ?1').bind(article).first<{ n: number }>();
			const reasons = await env.DB.prepare('SELECT COUNT(*) AS n FROM article_feedback WHERE article = ?1').bind(article).first<{ n: number }>();
			return (votes?.n ?? 0) + (reasons?.n ?? 0);
		};
		const bad = [
			{ kind: 'vote_reason', article, reason: 'other', comment: '<img src=x onerror=alert(1)>', locale: 'en' },
			{ kind: 'vote_reason', article, reason: 'other', comment: 'x'.repeat(5_000), locale: 'en' },
			{ kind: 'vote_reason', article, reason: 'other', comment: 'hidden\u200btext', locale: 'en' },
			{ kind: 'vote', article, helpful: 'yes', locale: 'en' },
			{ kind: 'vote', article: '/en/shipping', helpful: true, locale: 'en' },
			{ kind: 'vote', article, helpful: true, locale: 'en', visitor: 'abc' },
		];
		for (const body of bad) {
			const response = await call('/api/events', { body, headers: { 'CF-Connecting-IP': freshIp() } });
			expect(response.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
			expect(response.status).toBeLessThan(500);
		}
		expect(await stored()).toBe(0);
	});

	it('limits events per address', async () => {
		const ip = freshIp();
		let status = 0;
		for (let index = 0; index < 121; index++) {
			status = (await call('/api/events', { body: { kind: 'search', query: 'refund', results: 1, locale: 'en' }, headers: { 'CF-Connecting-IP': ip } })).status;
		}
		expect(status).toBe(429);
	});
});
