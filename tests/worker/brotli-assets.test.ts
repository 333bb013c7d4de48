import { env, exports } from 'cloudflare:workers';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsBrotli } from '../../src/worker/brotli-assets';

const origin = 'https://help.test';
const get = (path: string, acceptEncoding?: string) =>
	exports.default.fetch(new Request(`${origin}${path}`, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }));

async function metaPath(): Promise<string> {
	const entry = (await (await get('/pagefind/pagefind-entry.json')).json()) as { languages: Record<string, { hash: string }> };
	return `/pagefind/pagefind.${entry.languages['fr']?.hash}.pf_meta`;
}

// The build stores Brotli copies of the search files every first search downloads; the Worker sends them.
describe('Brotli copies of the search bundle', () => {
	it('sends the Brotli copy to a browser that accepts it: the same bytes Pagefind gzipped, smaller', async () => {
		for (const path of [await metaPath(), '/pagefind/wasm.fr.pagefind']) {
			const gzipped = new Uint8Array(await (await get(path)).arrayBuffer());
			const response = await get(path, 'gzip, deflate, br, zstd');
			expect(response.status).toBe(200);
			expect(response.headers.get('Content-Encoding')).toBe('br');
			expect(response.headers.get('Vary')).toBe('Accept-Encoding');
			// A caller inside the runtime gets the body decoded, as a browser would.
			const data = Buffer.from(await response.arrayBuffer());
			expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
			// On the wire it is the build's Brotli copy, smaller than Pagefind's gzip.
			const copy = new Uint8Array(await (await env.ASSETS.fetch(new Request(`${origin}${path}.br`))).arrayBuffer());
			expect(copy.byteLength).toBeLessThan(gzipped.byteLength);
			expect(Buffer.compare(brotliDecompressSync(copy), data)).toBe(0);
			expect(Buffer.compare(data, gunzipSync(gzipped))).toBe(0);
		}
	});

	it('answers a revalidation of a fresh copy with 304', async () => {
		const path = await metaPath();
		const first = await get(path, 'br');
		const etag = first.headers.get('ETag') ?? '';
		expect(etag).not.toBe('');
		const again = await exports.default.fetch(new Request(`${origin}${path}`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } }));
		expect(again.status).toBe(304);
		expect(again.headers.get('Content-Encoding')).toBe('br');
		expect(await again.text()).toBe('');
	});

	it('sends the gzipped original to a browser that does not accept Brotli', async () => {
		const path = await metaPath();
		for (const acceptEncoding of [undefined, 'gzip', 'br;q=0, gzip']) {
			const response = await get(path, acceptEncoding);
			expect(response.status).toBe(200);
			expect(response.headers.get('Content-Encoding')).toBeNull();
			const bytes = new Uint8Array(await response.arrayBuffer());
			expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
		}
	});

	it('serves the other search files as they are, and answers unknown ones with 404', async () => {
		const entry = await get('/pagefind/pagefind-entry.json', 'br');
		expect(entry.headers.get('Content-Encoding')).toBeNull();
		expect(((await entry.json()) as { version: string }).version).toBe('1.6.0');
		expect((await get('/pagefind/pagefind.fr_0000000000.pf_meta', 'br')).status).toBe(404);
		expect((await get('/pagefind/words.fr.txt', 'br')).status).toBe(200);
	});

	it('reads Accept-Encoding as HTTP defines it', () => {
		expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsBrotli('BR;q=0.5')).toBe(true);
		expect(acceptsBrotli('br;q=0')).toBe(false);
		expect(acceptsBrotli('gzip, brotli')).toBe(false);
		expect(acceptsBrotli(null)).toBe(false);
	});
});
