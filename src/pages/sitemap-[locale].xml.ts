import type { APIRoute, GetStaticPaths } from 'astro';
import { defaultLocale, locales } from '../config/site';
import { indexablePages } from '../seo/indexable-pages';
import { urlsetXml } from '../seo/sitemap-xml';
import { getHelpCenter } from '../utils/help-center';
import { localePaths } from '../utils/static-paths';

export const prerender = true;
export const getStaticPaths = localePaths satisfies GetStaticPaths;

/** The sitemap of one locale: its home page, categories and articles, each with its language alternates. */
export const GET: APIRoute = async ({ params }) => {
	const pages = indexablePages(await getHelpCenter(), params.locale ?? defaultLocale, locales, defaultLocale);
	return new Response(urlsetXml(pages), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
