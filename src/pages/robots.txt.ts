import type { APIRoute } from 'astro';
import { searchUrl } from '../config/page-urls';
import { locales } from '../config/site';
import { absoluteUrl } from '../seo/urls';

export const prerender = true;

/** Lets every crawler in, except into the API and search results, and announces the sitemap index. */
export const GET: APIRoute = () => {
	const lines = [
		'User-agent: *',
		'Allow: /',
		'Disallow: /api/',
		// Search results are thin, endless pages; they also carry `noindex`.
		...locales.map((locale) => `Disallow: ${searchUrl(locale)}`),
		'',
		`Sitemap: ${absoluteUrl('/sitemap.xml')}`,
		'',
	];
	return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
