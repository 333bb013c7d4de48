import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const origin = 'https://help.test';
const request = (path: string, method = 'GET') => exports.default.fetch(new Request(`${origin}${path}`, { method, redirect: 'manual' }));

// The build packs Markdown twins (and search fragments) a few hundred to a file; the Worker answers each address.
describe('packed files', () => {
	it('answers an article’s Markdown twin at its own address', async () => {
		const response = await request('/en/returns-refunds/how-to-return-an-item.md');
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
		const markdown = await response.text();
		expect(markdown).toMatch(/^# How to return an item\n/);
		expect(markdown).toMatch(/^Source: https:\/\/\S+\/en\/returns-refunds\/how-to-return-an-item$/m);
		expect(Number(response.headers.get('Content-Length'))).toBe(new TextEncoder().encode(markdown).byteLength);
	});

	it('answers the French twins too, and HEAD without a body', async () => {
		const response = await request('/fr/returns-refunds/politique-de-retour.md', 'HEAD');
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toMatch(/^text\/markdown/);
		expect(Number(response.headers.get('Content-Length'))).toBeGreaterThan(100);
		expect(await response.text()).toBe('');
	});

	it('answers a twin that does not exist with the 404 page of its language', async () => {
		for (const path of ['/en/shipping/no-such-article.md', '/fr/shipping/%E0%A4%A.md', '/pagefind/fragment/en_ffffffffff.pf_fragment']) {
			const response = await request(path);
			expect({ path, status: response.status }).toEqual({ path, status: 404 });
		}
	});
});
