/** Old address → new address, both as site paths; keys normalised with `redirectKey`. */
export type RedirectMap = Readonly<Record<string, string>>;

// Zendesk Guide addresses end with the title, which changes with it: `/hc/en-us/articles/360001234567-Return-policy`.
// Only the number identifies the page, so the title is dropped before the lookup.
const zendeskAddress = /^(\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,4})?)?\/(?:articles|sections|categories)\/\d+)(?:-[^/]*)?$/;

/**
 * The form an address is looked up under: decoded, lowercase, without a trailing slash, and for Zendesk Guide
 * addresses without the title after the number. Old platforms matched addresses without regard to case.
 */
export function redirectKey(path: string): string {
	let decoded = path;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// A malformed escape cannot match any key, but must not break the request.
	}
	const clean = decoded.toLowerCase().replace(/\/+$/, '') || '/';
	return zendeskAddress.exec(clean)?.[1] ?? clean;
}

/**
 * Where an old address now lives, if anywhere; the query string is kept (campaign tags, search terms), before the
 * target's `#anchor` and after its own query if it has one.
 */
export function findRedirect(redirects: RedirectMap, url: URL): string | undefined {
	const target = redirects[redirectKey(url.pathname)];
	if (target === undefined || !url.search) return target;
	const hashAt = target.indexOf('#');
	const [base, hash] = hashAt === -1 ? [target, ''] : [target.slice(0, hashAt), target.slice(hashAt)];
	return `${base}${base.includes('?') ? `&${url.search.slice(1)}` : url.search}${hash}`;
}
