import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { recordSearchEvent } from '../../functions/services/search-events';

describe('recordSearchEvent', () => {
	it('stores the event with the UTC day it happened and nothing else', async () => {
		const lateEvening = Date.UTC(2031, 4, 6, 23, 59, 59);
		await recordSearchEvent(env.DB, { kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr' }, lateEvening);
		const row = await env.DB.prepare(`SELECT * FROM search_events WHERE query = 'colis perdu'`).first<Record<string, unknown>>();
		expect(row).toEqual({ id: expect.any(Number), kind: 'click', query: 'colis perdu', results: 4, rank: 2, locale: 'fr', day: '2031-05-06' });
	});

	it('stores a search without a rank, today by default', async () => {
		const before = new Date().toISOString().slice(0, 10);
		await recordSearchEvent(env.DB, { kind: 'search', query: 'refund policy', results: 0, locale: 'en' });
		const after = new Date().toISOString().slice(0, 10);
		const row = await env.DB.prepare(`SELECT rank, results, day FROM search_events WHERE query = 'refund policy'`).first<{ day: string }>();
		expect(row).toMatchObject({ rank: null, results: 0 });
		expect([before, after]).toContain(row?.day);
	});
});
