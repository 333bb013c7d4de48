import { brotliSuffix, hasBrotliCopy, searchBundlePath } from '../search/bundle-layout.ts';

/** Whether an `Accept-Encoding` header accepts Brotli (`br`, not refused with `q=0`). */
export function acceptsBrotli(acceptEncoding: string | null): boolean {
	return (acceptEncoding ?? '').split(',').some((part) => {
		const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
		const quality = parameters.find((parameter) => parameter.startsWith('q='));
		return coding === 'br' && (quality === undefined || Number(quality.slice(2)) > 0);
	});
}

/**
 * Answers a request for a search file that the build also stored compressed with Brotli (src/search/bundle-layout.ts)
 * with that copy, when the browser accepts Brotli; undefined otherwise, and the gzipped original is served as usual.
 */
export async function serveBrotliCopy(request: Request, assets: Fetcher): Promise<Response | undefined> {
	if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
	const url = new URL(request.url);
	if (!url.pathname.startsWith(searchBundlePath) || !hasBrotliCopy(url.pathname.slice(searchBundlePath.length))) return undefined;
	if (!acceptsBrotli(request.headers.get('Accept-Encoding'))) return undefined;
	// The copy's ETag is the one the browser revalidates with, so a fresh copy in its cache gets a 304.
	const conditional = request.headers.get('If-None-Match');
	const copy = await assets.fetch(new Request(new URL(`${url.pathname}${brotliSuffix}`, url.origin), { headers: conditional ? { 'If-None-Match': conditional } : {} }));
	if (!copy.ok && copy.status !== 304) return undefined;
	const headers = new Headers({ 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'br', Vary: 'Accept-Encoding', 'X-Content-Type-Options': 'nosniff' });
	for (const name of ['ETag', 'Cache-Control']) {
		const value = copy.headers.get(name);
		if (value) headers.set(name, value);
	}
	if (copy.status === 304) return new Response(null, { status: 304, headers });
	// The body is already Brotli: the runtime must send it as it is rather than compress it again.
	return new Response(request.method === 'HEAD' ? null : copy.body, { headers, encodeBody: 'manual' });
}
