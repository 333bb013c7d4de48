import type { APIRoute, GetStaticPaths } from 'astro';
import type { Catalog } from '../../agents/catalog-layout';
import { locales } from '../../config/site';
import { getLocaleCategories } from '../../utils/help-center';

export const prerender = true;

export const getStaticPaths = (() => locales.map((locale) => ({ params: { locale } }))) satisfies GetStaticPaths;

/**
 * `/agents/<locale>.json` (src/agents/catalog-layout.ts): the locale's categories and the articles written in its
 * language, without their text, for the MCP endpoint to list and find articles without reading them all.
 */
export const GET: APIRoute = async ({ params }) => {
	const locale = params.locale ?? '';
	const catalog: Catalog = {
		version: 1,
		locale,
		categories: (await getLocaleCategories(locale)).map((category) => ({
			id: category.id,
			title: category.data.title,
			description: category.data.description,
			url: category.url,
			articles: category.articles
				.filter((page) => !page.isFallback)
				.map((page) => ({
					title: page.entry.data.title,
					url: page.url,
					description: page.entry.data.description,
					updated: page.entry.data.updated.toISOString().slice(0, 10),
				})),
		})),
	};
	return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
