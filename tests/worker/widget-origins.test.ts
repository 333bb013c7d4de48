import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';

const api = 'https://help.alderandpine.example/api';
const [shop] = site.widget.allowedOrigins;
const question = JSON.stringify({ question: 'how long does a refund take', locale: 'en' });

const preflight = (origin: string) =>
	exports.default.fetch(
		new Request(`${api}/tickets`, {
			method: 'OPTIONS',
			headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
		}),
	);
const ask = (origin: string) => exports.default.fetch(new Request(`${api}/answer`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: question }));

// The shops of content/site.yaml `widget.allowedOrigins` join the help center in the API's one allow-list.
describe('the storefront widget’s shops', () => {
	it('are listed in the demo site.yaml', () => {
		expect(shop).toBe('https://alderandpine.example');
	});

	it('get CORS for the widget’s JSON requests, Idempotency-Key included, and their answers', async () => {
		const allowed = await preflight(shop ?? '');
		expect(allowed.status).toBe(204);
		expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(shop);
		expect(allowed.headers.get('Access-Control-Allow-Headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['content-type', 'idempotency-key']));
		expect(allowed.headers.get('Vary')).toContain('Origin');
		const answer = await ask(shop ?? '');
		expect(answer.status).toBe(200);
		expect(answer.headers.get('Access-Control-Allow-Origin')).toBe(shop);
		// A 429's Retry-After, readable across origins.
		expect(answer.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
	});

	it('are the only ones: a look-alike or another site gets no CORS and 403 origin_not_allowed', async () => {
		for (const origin of ['https://evil.example', 'http://alderandpine.example', 'https://alderandpine.example.evil.example', 'https://shop.alderandpine.example']) {
			expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
			const refused = await ask(origin);
			expect(refused.status, origin).toBe(403);
			expect(await refused.json(), origin).toMatchObject({ error: { code: 'origin_not_allowed' } });
		}
	});
});
