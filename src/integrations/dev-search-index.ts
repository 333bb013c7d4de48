import type { AddressInfo } from 'node:net';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseContentPath } from '../config/content-layout';
import { articleUrl, homeUrl, searchUrl, selfServiceUrls } from '../config/page-urls';
import { readSiteConfig } from '../config/read-site-config';
import { buildSearchIndex, type PageToIndex } from '../search/build/build-index';
import { searchBundlePath } from '../search/bundle-layout';
import { describeSearchIndex } from '../search/build/index-summary.ts';

const contentTypes: Record<string, string> = {
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	json: 'application/json',
	txt: 'text/plain; charset=utf-8',
};

/**
 * Crawls the dev server the way a shopper would (each language's home, its categories, their articles) and
 * returns every article page as rendered, so `astro dev` indexes exactly what the build would.
 */
async function renderedArticles(origin: string, locales: string[]): Promise<PageToIndex[]> {
	const get = async (path: string) => {
		const response = await fetch(new URL(path, origin));
		return response.ok ? response.text() : '';
	};
	const linksIn = (html: string, pattern: RegExp) =>
		[...html.matchAll(/href="([^"#?]+)"/g)].map((match) => match[1] ?? '').filter((href) => pattern.test(href));
	const pages: PageToIndex[] = [];
	for (const locale of locales) {
		// Two-segment addresses are categories, except the self-service and search pages.
		const home = homeUrl(locale);
		const notCategories = new Set([...selfServiceUrls([locale]), searchUrl(locale)]);
		const categories = [...new Set(linksIn(await get(home), new RegExp(`^${home}/[^/]+$`)))].filter((url) => !notCategories.has(url));
		const articles = new Set<string>();
		for (const category of categories) {
			for (const link of linksIn(await get(category), new RegExp(`^${home}/[^/]+/[^/]+$`))) articles.add(link);
		}
		for (const url of articles) pages.push({ url, html: await get(url) });
	}
	return pages;
}

/**
 * In `astro dev`, builds the Pagefind search index from the rendered pages at startup and after each content change,
 * and serves it from memory at the address of the built one. The built site's index is not made here but by
 * scripts/build-search-index.ts once `astro build` has exited (`npm run build` runs both): Astro keeps what rendering
 * took until it exits, and Pagefind's process would add its own memory on top.
 */
export function devSearchIndex(): AstroIntegration {
	let root: URL;
	return {
		name: 'help-center:dev-search-index',
		hooks: {
			'astro:config:setup': ({ config }) => {
				root = config.root;
			},
			'astro:server:setup': ({ server, logger }) => {
				let origin: string | undefined;
				let files: Map<string, Uint8Array> | undefined;
				const waiting: (() => void)[] = [];
				const ready = () => (files ? Promise.resolve(files) : new Promise<Map<string, Uint8Array>>((resolve) => waiting.push(() => resolve(files ?? new Map()))));
				const publish = (next: Map<string, Uint8Array>) => {
					files = next;
					for (const wake of waiting.splice(0)) wake();
				};

				// Articles added or removed since the last build: the crawl must see them, or Astro has not synced yet.
				const expected = new Map<string, boolean>();
				const rebuild = async () => {
					if (!origin) return;
					const started = performance.now();
					try {
						const config = readSiteConfig(root);
						let pages = await renderedArticles(origin, config.locales.map((locale) => locale.code));
						for (let attempt = 0; attempt < 20; attempt++) {
							const urls = new Set(pages.map((page) => page.url));
							if ([...expected].every(([url, present]) => urls.has(url) === present)) break;
							await new Promise((resolve) => setTimeout(resolve, 500));
							pages = await renderedArticles(origin, config.locales.map((locale) => locale.code));
						}
						expected.clear();
						const index = await buildSearchIndex(pages, config.search.synonyms);
						publish(new Map(index.files.map((file) => [file.path, file.content])));
						logger.info(`Search index (${describeSearchIndex(index)}) ready in ${Math.round(performance.now() - started)} ms.`);
					} catch (error) {
						// Keep serving the last good index; requests waiting for the first one get a 404.
						logger.error(`Search index not rebuilt: ${(error as Error).message}`);
						publish(files ?? new Map());
					}
				};
				// One Pagefind run at a time: the service is shared.
				let building = Promise.resolve();
				let timer: ReturnType<typeof setTimeout> | undefined;
				const schedule = (delay: number) => {
					clearTimeout(timer);
					timer = setTimeout(() => {
						building = building.then(rebuild);
					}, delay);
				};

				server.httpServer?.once('listening', () => {
					const address = server.httpServer?.address() as AddressInfo | null;
					if (!address) return;
					const host = address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
					origin = `http://${host}:${address.port}`;
					schedule(0);
				});
				const rootDir = fileURLToPath(root);
				server.watcher.on('all', (event, file) => {
					const place = parseContentPath(relative(rootDir, file).split(sep).join('/'));
					if (!place) return;
					// Files whose name starts with "_" are not pages (Astro's glob leaves them out).
					if (place.kind === 'article' && !place.slug.startsWith('_') && (event === 'add' || event === 'unlink')) {
						expected.set(articleUrl(place.locale, place.category, place.slug), event === 'add');
					}
					schedule(1_000);
				});
				server.middlewares.use(searchBundlePath, (request, response, next) => {
					const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/').replace(/^\//, '');
					ready().then((bundle) => {
						const content = bundle.get(path);
						if (!content) return next();
						response.setHeader('Content-Type', contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
						response.setHeader('Cache-Control', 'no-cache');
						response.end(content);
					}, next);
				});
			},
		},
	};
}
