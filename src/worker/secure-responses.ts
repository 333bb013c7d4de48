import type { MiddlewareHandler } from 'hono';
import { noPagePolicy, pageContentSecurityPolicy, securityHeaders } from './security-headers';

const policyHeader = 'Content-Security-Policy';

/** For a page that came without its policy: one that runs none of its inline scripts, so it fails closed. */
const fallbackPagePolicy = pageContentSecurityPolicy({ inlineScriptHashes: [], turnstile: false });

/** Copies the security headers `from` holds (an asset's, set by `_headers`) onto `to`. */
export function copySecurityHeaders(from: Headers, to: Headers): void {
	for (const name of [policyHeader, ...Object.keys(securityHeaders)]) {
		const value = from.get(name);
		if (value !== null) to.set(name, value);
	}
}

/** The security headers `response` lacks: all of them for what the Worker made, none for what `_headers` covered. */
function missingHeaders(response: Response): [string, string][] {
	const missing: [string, string][] = Object.entries(securityHeaders).filter(([name]) => !response.headers.has(name));
	if (!response.headers.has(policyHeader)) {
		const type = response.headers.get('Content-Type') ?? '';
		// Scripts get none: a Web Worker runs under the policy of its script's response, and this one would forbid it
		// everything (the search worker's script comes from the assets, with the pages' policy).
		if (type.startsWith('text/html')) missing.push([policyHeader, fallbackPagePolicy]);
		else if (!/javascript/.test(type)) missing.push([policyHeader, noPagePolicy]);
	}
	return missing;
}

/**
 * Gives every response of the Worker the site's security headers: its 404 pages and redirects, and the search and
 * Markdown files it sends. What already has them (assets with `_headers`, the API's answers) is left as it is.
 */
export const secureResponses = (): MiddlewareHandler =>
	async function secureResponses(c, next) {
		await next();
		const missing = missingHeaders(c.res);
		if (missing.length === 0) return;
		try {
			for (const [name, value] of missing) c.res.headers.set(name, value);
		} catch (error) {
			// Responses of fetch() (the assets binding's) have immutable headers: answer a copy.
			if (!(error instanceof TypeError)) throw error;
			const copy = new Response(c.res.body, c.res);
			for (const [name, value] of missing) copy.headers.set(name, value);
			c.res = copy;
		}
	};
