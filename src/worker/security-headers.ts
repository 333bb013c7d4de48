/**
 * The security headers of the help center, one list for both ways a response leaves: files the assets binding
 * serves get them from `_headers` (written at build by src/integrations/security-headers.ts), and the Worker adds
 * them to what it makes itself (src/worker/secure-responses.ts). The API sets its own (functions/app.ts).
 */

/** Cloudflare Turnstile's script and challenge frame come from here, on sites that turn it on (content/site.yaml). */
const turnstileOrigin = 'https://challenges.cloudflare.com';

/** The only players the Video component embeds (src/utils/video-embed.ts). */
export const videoOrigins = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

/** What every response carries, whatever it holds. */
export const securityHeaders = {
	// Browsers ignore it over plain HTTP, so `wrangler dev` on loopback is unaffected.
	'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	// Other sites learn which site a shopper comes from, never which page.
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// frame-ancestors 'none' for browsers that predate it.
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

export interface PagePolicyOptions {
	/** The pages' inline scripts as `'sha256-…'` sources. */
	inlineScriptHashes: readonly string[];
	/** Whether the self-service forms load Cloudflare Turnstile. */
	turnstile: boolean;
}

/**
 * The Content-Security-Policy of the pages. Scripts run from our own files, inline only when the build wrote them
 * (their hashes: no 'unsafe-inline'), with WebAssembly for Pagefind ('wasm-unsafe-eval', in the page and in its
 * search worker) and Turnstile when it is on. Styles are 'unsafe-inline': every page carries its CSS in `<style>`
 * elements so that it renders from its first round trip, and hashing them would tie the header to each mix of
 * components a page can have while the whole policy must fit on one `_headers` line of 2,000 characters; CSS runs
 * no code. Images may come from any HTTPS address, as articles may show images kept elsewhere.
 */
export function pageContentSecurityPolicy({ inlineScriptHashes, turnstile }: PagePolicyOptions): string {
	const turnstileSources = turnstile ? [turnstileOrigin] : [];
	const directives: [string, ...string[]][] = [
		['default-src', "'self'"],
		['script-src', "'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes, ...turnstileSources],
		['style-src', "'self'", "'unsafe-inline'"],
		['img-src', "'self'", 'https:'],
		['frame-src', ...videoOrigins, ...turnstileSources],
		['worker-src', "'self'"],
		['object-src', "'none'"],
		['base-uri', "'none'"],
		['form-action', "'self'"],
		['frame-ancestors', "'none'"],
	];
	return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The policy of what is no page (redirects, search data, Markdown): nothing to load, nothing to frame it. */
export const noPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Where the editors' admin (/admin, Decap CMS) talks to: GitHub's API in production, decap-server on loopback locally. */
export const adminConnectSources = ['https://api.github.com', 'http://localhost:*', 'http://127.0.0.1:*'] as const;

/**
 * The Content-Security-Policy of the editors' admin page (/admin), which only editors open: Decap CMS compiles its
 * configuration's validators at run time ('unsafe-eval', from Ajv) and styles itself with inline styles; it shows
 * uploaded images as blob: and data: addresses and its preview in a frame of its own. Everything else is as
 * strict as the pages': scripts from our own files only, no plugins, no framing by other sites.
 */
export const adminContentSecurityPolicy = [
	"default-src 'self'",
	"script-src 'self' 'unsafe-eval'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob: https:",
	"font-src 'self' data:",
	`connect-src 'self' ${adminConnectSources.join(' ')}`,
	"frame-src 'self' blob:",
	"media-src 'self' blob:",
	"worker-src 'self' blob:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
].join('; ');
