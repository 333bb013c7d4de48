import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const head = (path: string) => fetch(`${baseUrl}${path}`, { method: 'HEAD', redirect: 'manual' });

// What `curl -sI` sees from the Worker running locally (`wrangler dev`), as crawlers and agents will.
describe('the running Worker', () => {
	it('answers an old address with a real 301 to the article', async () => {
		const response = await head('/en/sizing');
		expect(response.status).toBe(301);
		expect(response.headers.get('Location')).toBe('/en/products-sizing/size-guide');
		const zendesk = await head('/hc/fr/articles/360004187912-Politique-de-retour');
		expect(zendesk.status).toBe(301);
		expect(zendesk.headers.get('Location')).toBe('/fr/returns-refunds/politique-de-retour');
	});

	it('serves the files for crawlers and agents with their types', async () => {
		const types: Record<string, RegExp> = {
			'/robots.txt': /^text\/plain/,
			'/sitemap.xml': /xml/,
			'/sitemap-fr.xml': /xml/,
			'/llms.txt': /^text\/plain/,
			'/fr/llms-full.txt': /^text\/plain/,
			'/articles.json': /^application\/json/,
			'/fr/returns-refunds/politique-de-retour.md': /^text\/markdown/,
		};
		for (const [path, type] of Object.entries(types)) {
			const response = await head(path);
			expect({ path, status: response.status, type: response.headers.get('Content-Type') }).toEqual({
				path,
				status: 200,
				type: expect.stringMatching(type),
			});
		}
	});
});
