import { exports } from 'cloudflare:workers';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

const origin = 'https://help.test';
const get = (path: string, headers: Record<string, string> = {}) => exports.default.fetch(new Request(`${origin}${path}`, { headers, redirect: 'manual' }));

const expected = {
	'strict-transport-security': expect.stringMatching(/^max-age=\d{8,}/),
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin',
	'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
};
const securityHeadersOf = (response: Response) => Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));

/** The hashes of the inline scripts a page runs, as CSP sources. */
function inlineScriptHashes(html: string): string[] {
	return [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/g)].map(
		([, content = '']) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`,
	);
}

describe('security headers of what the built Worker serves', () => {
	it('a page from the assets binding: every header, and a policy that lets its inline scripts run', async () => {
		const response = await get('/fr/shipping');
		expect(response.status).toBe(200);
		expect(securityHeadersOf(response)).toEqual(expected);
		const policy = response.headers.get('Content-Security-Policy') ?? '';
		const hashes = inlineScriptHashes(await response.text());
		expect(hashes.length).toBeGreaterThan(0);
		for (const hash of hashes) expect(policy).toContain(hash);
		expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	});

	it('the 404 page the Worker makes: the same headers as the pages, so its scripts run too', async () => {
		const page = await get('/fr/shipping');
		for (const path of ['/fr/nothing-here', '/en/nothing/here/either']) {
			const response = await get(path);
			expect(response.status).toBe(404);
			expect(securityHeadersOf(response)).toEqual(securityHeadersOf(page));
			const policy = response.headers.get('Content-Security-Policy') ?? '';
			for (const hash of inlineScriptHashes(await response.text())) expect(policy, path).toContain(hash);
		}
	});

	it('redirects the Worker makes: every header, with a policy that loads nothing', async () => {
		for (const [path, status] of [['/', 302], ['/en/orders/change-address', 301]] as const) {
			const response = await get(path, { 'Accept-Language': 'fr' });
			expect(response.status, path).toBe(status);
			expect(securityHeadersOf(response), path).toEqual({ ...expected, 'content-security-policy': expect.stringMatching(/^default-src 'none'/) });
		}
	});

	it('the search and Markdown files the Worker sends, and the API answers, keep theirs', async () => {
		const markdown = await get('/en/returns-refunds/how-to-return-an-item.md');
		expect(markdown.status).toBe(200);
		expect(securityHeadersOf(markdown)).toEqual({ ...expected, 'content-security-policy': expect.stringMatching(/^default-src 'none'/) });
		const wasm = await get('/pagefind/wasm.en.pagefind', { 'Accept-Encoding': 'br' });
		expect(wasm.headers.get('Content-Encoding')).toBe('br');
		expect(securityHeadersOf(wasm)).toEqual({ ...expected, 'content-security-policy': expect.stringMatching(/^default-src 'none'/) });
		// The search worker's script keeps the pages' policy, which lets it compile Pagefind's WebAssembly.
		const searchWorker = await get('/pagefind/pagefind-worker.js');
		expect(searchWorker.headers.get('Content-Security-Policy')).toBe((await get('/fr/shipping')).headers.get('Content-Security-Policy'));
		const api = await get('/api/health');
		expect(api.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
	});
});
