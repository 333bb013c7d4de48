import { handle } from '@astrojs/cloudflare/handler';
import { Hono } from 'hono';
import redirects from 'virtual:help-center/redirects';
import { api } from '../../functions/app';
import { homeUrl, localeOfUrl, notFoundUrl } from '../config/page-urls';
import { defaultLocale, locales } from '../config/site';
import { searchBundlePath } from '../search/bundle-layout';
import { serveBrotliCopy } from './brotli-assets';
import { negotiateLocale } from './negotiate-locale';
import { servePackedAsset } from './packed-assets';
import { findRedirect } from './redirects';
import { copySecurityHeaders, secureResponses } from './secure-responses';

/**
 * The Worker: static pages come from the assets binding (Cloudflare serves existing files before this code
 * runs, except the search bundle's), Markdown twins and search fragments come out of their packs, search files
 * with a Brotli copy are sent as that copy, `/api/*` goes to the edge API, `/mcp` to the MCP endpoint for AI agents,
 * `/` picks a language, old addresses of moved pages get a 301, and everything else falls to Astro's handler for its
 * 404s, shown in the language of the URL. Every answer carries the site's security headers.
 */
export const app = new Hono<{ Bindings: Env }>();

app.use(secureResponses());

// The API keeps its own error handling (JSON 404s and errors), so it gets the request whole.
app.all('/api/*', (c) => api.fetch(c.req.raw, c.env, c.executionCtx));
// The MCP endpoint for AI agents (public content only), with its own JSON-RPC errors. Loaded on its first request:
// the MCP SDK and its schemas take tens of milliseconds to start, which pages and /api need not wait for.
app.all('/mcp', async (c) => (await import('../../functions/mcp/app')).mcp.fetch(c.req.raw, c.env, c.executionCtx));

app.get('/', (c) => {
	const locale = negotiateLocale(c.req.header('Accept-Language'), locales, defaultLocale);
	c.header('Vary', 'Accept-Language');
	c.header('Cache-Control', 'private, max-age=0');
	return c.redirect(homeUrl(locale), 302);
});

// The search bundle (run_worker_first in wrangler.toml): Brotli copies where the browser takes them, fragments from
// their packs, the other files as they are.
app.get(`${searchBundlePath}*`, async (c) => (await serveBrotliCopy(c.req.raw, c.env.ASSETS)) ?? (await servePackedAsset(c.req.raw, c.env.ASSETS)) ?? c.env.ASSETS.fetch(c.req.raw));

app.all('*', async (c) => {
	const moved = findRedirect(redirects, new URL(c.req.url));
	if (moved) return c.redirect(moved, 301);
	const packed = await servePackedAsset(c.req.raw, c.env.ASSETS);
	if (packed) return packed;
	const response = await handle(c.req.raw, c.env, c.executionCtx as ExecutionContext);
	if (response.status !== 404) return response;
	const urlLocale = localeOfUrl(new URL(c.req.url).pathname);
	const locale = locales.includes(urlLocale) ? urlLocale : defaultLocale;
	const page = await c.env.ASSETS.fetch(new URL(notFoundUrl(locale), c.req.url));
	if (!page.ok) return response;
	// The page's own policy (from _headers) is the one that lets its inline scripts run.
	const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
	copySecurityHeaders(page.headers, headers);
	return new Response(page.body, { status: 404, headers });
});
