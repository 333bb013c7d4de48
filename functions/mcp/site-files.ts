import { catalogUrl, type Catalog, type CatalogArticle, type CatalogCategory } from '../../src/agents/catalog-layout';
import { articleUrlOfMarkdown, markdownUrl } from '../../src/config/page-urls';
import { packedFileFor, readPackedFile } from '../../src/worker/packed-assets';

/** A locale's catalogue (src/agents/catalog-layout.ts), with its articles found by address and by slug. */
export interface CatalogIndex {
	catalog: Catalog;
	byUrl: Map<string, { article: CatalogArticle; category: CatalogCategory }>;
	/** By slug (`customs`) and by category and slug (`shipping/customs`). */
	bySlug: Map<string, CatalogArticle[]>;
}

function indexCatalog(catalog: Catalog): CatalogIndex {
	const byUrl = new Map<string, { article: CatalogArticle; category: CatalogCategory }>();
	const bySlug = new Map<string, CatalogArticle[]>();
	for (const category of catalog.categories) {
		for (const article of category.articles) {
			byUrl.set(article.url, { article, category });
			const slug = article.url.split('/').at(-1) ?? '';
			for (const key of [slug, `${category.id}/${slug}`]) bySlug.set(key, [...(bySlug.get(key) ?? []), article]);
		}
	}
	return { catalog, byUrl, bySlug };
}

// Catalogues stay open between requests of an isolate, like the answer indexes: each is read once.
const catalogs = new Map<string, Promise<CatalogIndex | undefined>>();

/** The catalogue of `locale`, read from the static files through the assets binding; undefined when the build wrote none. */
export function readCatalog(assets: Fetcher, origin: string, locale: string): Promise<CatalogIndex | undefined> {
	let catalog = catalogs.get(locale);
	if (!catalog) {
		catalog = assets.fetch(new URL(catalogUrl(locale), origin)).then(async (response) => {
			if (!response.ok) return undefined;
			const parsed = (await response.json()) as Catalog;
			return parsed.version === 1 ? indexCatalog(parsed) : undefined;
		});
		catalogs.set(locale, catalog);
		// A failed read is tried again by the next request rather than remembered.
		catalog.catch(() => catalogs.delete(locale));
	}
	return catalog;
}

const decoder = new TextDecoder();

/** The Markdown twin of the article page at site path `path` (`/en/shipping/customs`), out of its pack; undefined when there is none. */
export async function readTwin(assets: Fetcher, origin: string, path: string): Promise<string | undefined> {
	const file = packedFileFor(markdownUrl(path));
	if (!file) return undefined;
	const bytes = await readPackedFile(assets, file, origin);
	return bytes ? decoder.decode(bytes) : undefined;
}

/**
 * The site path of the article page an address names: absolute on one of `origins` or a path, with or without `.md`,
 * an `#anchor` or a query (`https://help.example.com/en/shipping/customs.md#fees` → `/en/shipping/customs`);
 * undefined for anything else (another site, a category page, a file that is not an article).
 */
export function articlePathOf(address: string, origins: string[]): string | undefined {
	let url: URL;
	try {
		url = new URL(address, origins[0]);
	} catch {
		return undefined;
	}
	if (!origins.includes(url.origin)) return undefined;
	let path: string;
	try {
		path = decodeURIComponent(url.pathname).replace(/\/$/, '');
	} catch {
		return undefined;
	}
	return articleUrlOfMarkdown(path.endsWith('.md') ? path : `${path}.md`);
}
