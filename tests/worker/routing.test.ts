import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const origin = 'https://help.test';
const get = (path: string, headers: Record<string, string> = {}) =>
	exports.default.fetch(new Request(`${origin}${path}`, { headers, redirect: 'manual' }));

describe('Worker routing', () => {
	it('answers the API health check with JSON that is never cached, with the outbox’s counts', async () => {
		const response = await get('/api/health');
		expect(response.status).toBe(200);
		expect(response.headers.get('Cache-Control')).toBe('no-store');
		expect(await response.json()).toEqual({
			status: 'ok',
			outbox: { pending: 0, failed: 0, dead: 0, oldestPendingSeconds: null, oldestFailedSeconds: null },
		});
	});

	it('answers unknown API paths with a JSON error code, not an HTML page', async () => {
		const response = await get('/api/nope');
		expect(response.status).toBe(404);
		expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
		expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
	});

	it('sends / to the default locale when the browser language is not one of ours', async () => {
		const response = await get('/', { 'Accept-Language': 'de-DE,de;q=0.9' });
		expect(response.status).toBe(302);
		expect(response.headers.get('Location')).toBe('/en');
		expect(response.headers.get('Vary')).toMatch(/Accept-Language/);
	});

	it('sends / to French for a French browser', async () => {
		const response = await get('/', { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' });
		expect(response.headers.get('Location')).toBe('/fr');
	});

	it('serves prerendered pages from the assets binding', async () => {
		const response = await get('/fr/shipping');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('<html lang="fr"');
	});

	it('shows the 404 page in the language of the URL', async () => {
		const french = await get('/fr/nothing-here');
		expect(french.status).toBe(404);
		expect(await french.text()).toContain('Nous n’avons pas trouvé cette page');
		const english = await get('/en/nothing-here');
		expect(english.status).toBe(404);
		expect(await english.text()).toContain('We could not find that page');
	});
});

describe('local D1', () => {
	it('has the migrated schema', async () => {
		const { env } = await import('cloudflare:workers');
		const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'rate_counters'").all();
		expect(tables.results).toHaveLength(1);
	});
});
