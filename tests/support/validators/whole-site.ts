import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSiteConfig } from '../../../src/config/read-site-config';
import { fragmentPackFolder, openPack } from '../../../src/worker/asset-pack';
import { pageWeightBudgets } from '../page-weight-budgets';
import { checkAgentOutputs, writtenArticles } from './agent-outputs';
import { checkHeadTags } from './head-tags';
import { checkHreflang } from './hreflang';
import { validateHtml } from './html-validity';
import { findBrokenLinks } from './links';
import { openSite, type BuiltSite } from './site';
import { checkSitemapCoverage, validateSitemapXml } from './sitemaps';
import { checkJsonLd } from './structured-data';

/** The kind of a page of the help center, by its address, for page-weight budgets. */
export function pageKind(path: string): 'home' | 'category' | 'article' | 'other' {
	const segments = path.split('/').length - 1;
	if (/\/(404|search)$/.test(path)) return 'other';
	if (segments === 1) return 'home';
	if (segments === 3) return 'article';
	return segments === 2 ? 'category' : 'other';
}

/** Pages whose HTML, with its inline CSS, is over the first-round-trip budget, with their gzipped size. */
export function firstRoundTripProblems(site: BuiltSite, categoryPaths: Set<string>): string[] {
	const problems: string[] = [];
	for (const [path, file] of site.pages) {
		const kind = pageKind(path);
		if (kind === 'other' || (kind === 'category' && !categoryPaths.has(path))) continue;
		const html = readFileSync(file);
		const bytes = gzipSync(html, { level: 9 }).length;
		if (bytes > pageWeightBudgets.firstRoundTrip) problems.push(`${path}: ${bytes} bytes gzipped (budget ${pageWeightBudgets.firstRoundTrip})`);
		if (site.document(path).querySelector('link[rel="stylesheet"]')) problems.push(`${path}: loads a stylesheet instead of inlining its CSS`);
	}
	return problems;
}

/** Every file under a folder, at any depth. */
export const filesUnder = (folder: string): string[] =>
	readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));

/** JavaScript files, images and packs of the built site (`dir`) over their budgets, with their sizes. */
export function fileBudgetProblems(dir: string): string[] {
	return filesUnder(dir).flatMap((file) => {
		const path = relative(dir, file);
		if (path.startsWith('_astro/') && file.endsWith('.js')) {
			const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
			return bytes > pageWeightBudgets.javaScriptFile ? [`${path}: ${bytes} bytes gzipped (budget ${pageWeightBudgets.javaScriptFile})`] : [];
		}
		const size = statSync(file).size;
		if (/\.(svg|png|jpe?g|webp|avif|ico)$/.test(file) && size > pageWeightBudgets.image) return [`${path}: ${size} bytes (budget ${pageWeightBudgets.image})`];
		if (file.endsWith('.pack') && size > pageWeightBudgets.pack) return [`${path}: ${size} bytes (budget ${pageWeightBudgets.pack})`];
		return [];
	});
}

/** Whether every indexed page has its search fragment in a pack. */
export function searchPackProblems(site: BuiltSite): string[] {
	const entry = JSON.parse(readFileSync(join(site.dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
	const folder = join(site.dir, 'pagefind', fragmentPackFolder);
	const packed = readdirSync(folder).reduce((sum, name) => sum + openPack(new Uint8Array(readFileSync(join(folder, name)))).names().length, 0);
	return packed === indexed ? [] : [`${indexed} pages indexed but ${packed} fragments packed`];
}

/**
 * Runs every check the demo's built site passes on the built site of a project (`root`, with its content/ and
 * dist/client/): valid HTML, links and anchors, head tags, hreflang, sitemaps, structured data, files for agents,
 * first-round-trip page weights, packed search fragments. Returns the problems found, by check.
 */
export async function checkWholeSite(root: string): Promise<Record<string, string[]>> {
	const config = readSiteConfig(root);
	const dir = join(root, 'dist/client');
	const site = openSite(dir, config.siteUrl);
	const articles = await writtenArticles(root.endsWith('/') ? root : `${root}/`);
	const categoryPaths = new Set(articles.map((article) => article.path.split('/').slice(0, 3).join('/')));
	const articlePaths = [...site.pages.keys()].filter((path) => pageKind(path) === 'article');
	return {
		'valid HTML (Nu HTML Checker)': validateHtml(dir),
		'internal links and anchors': findBrokenLinks(site),
		'head tags': checkHeadTags(site),
		hreflang: checkHreflang(site),
		'sitemap XML': validateSitemapXml(site),
		'sitemap coverage': checkSitemapCoverage(site),
		'structured data': articlePaths.flatMap((path) => checkJsonLd(site.document(path)).map((problem) => `${path}: ${problem}`)),
		'files for agents': checkAgentOutputs(site, articles, config.locales.map((locale) => locale.code)),
		'first round trip': firstRoundTripProblems(site, categoryPaths),
		'file budgets': fileBudgetProblems(dir),
		'search fragments': searchPackProblems(site),
	};
}
