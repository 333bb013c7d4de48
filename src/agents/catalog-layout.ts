/**
 * The catalogue of each locale: its categories in their order, each with its articles (title, address, description,
 * last update), without their text. The build writes it (src/pages/agents/), the Worker's MCP endpoint reads it
 * (functions/mcp/) to list categories and articles and to find an article by its slug: one small file per locale,
 * where `/articles.json` carries every article's text in every language. This module is the one place that knows
 * its address and shape; it imports nothing, so the Worker can read it.
 */

/** The address of a locale's catalogue among the static files, for example `/agents/en.json`. */
export const catalogUrl = (locale: string) => `/agents/${locale}.json`;

/** An article written in the catalogue's locale (pages shown in it from another language are left out). */
export interface CatalogArticle {
	title: string;
	/** Its page's site path, for example `/en/returns-refunds/refund-timing`; its Markdown twin adds `.md`. */
	url: string;
	description: string;
	/** YYYY-MM-DD. */
	updated: string;
}

export interface CatalogCategory {
	/** The category's folder name, the middle segment of its articles' addresses. */
	id: string;
	title: string;
	description: string;
	/** Its page's site path, for example `/en/returns-refunds`. */
	url: string;
	/** In the order readers see them. */
	articles: CatalogArticle[];
}

export interface Catalog {
	version: 1;
	locale: string;
	/** In the order readers see them. */
	categories: CatalogCategory[];
}
