import type { APIRoute } from 'astro';
import { defaultLocale, locales } from '../config/site';
import { indexablePages } from '../seo/indexable-pages';
import { latest, sitemapIndexXml } from '../seo/sitemap-xml';
import { absoluteUrl } from '../seo/urls';
import { getHelpCenter } from '../utils/help-center';

export const prerender = true;

/** The sitemap index that robots.txt announces: one sitemap per locale. */
export const GET: APIRoute = async () => {
	const helpCenter = await getHelpCenter();
	const sitemaps = locales.map((locale) => ({
		loc: absoluteUrl(`/sitemap-${locale}.xml`),
		lastmod: latest(indexablePages(helpCenter, locale, locales, defaultLocale).map((page) => page.lastmod)),
	}));
	return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
