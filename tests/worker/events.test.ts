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
		expect(Object.keys(row ?? {}).sort()).toEqual(['day', 'id', 'kind', 'locale', 'query', 'rank', 'results']);
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

	it('limits events per address', async () => {
		const ip = freshIp();
		let status = 0;
		for (let index = 0; index < 121; index++) {
			status = (await call('/api/events', { body: { kind: 'search', query: 'refund', results: 1, locale: 'en' }, headers: { 'CF-Connecting-IP': ip } })).status;
		}
		expect(status).toBe(429);
	});
});
