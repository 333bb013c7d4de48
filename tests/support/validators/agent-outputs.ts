import { fileURLToPath } from 'node:url';
import { catalogUrl, type Catalog } from '../../../src/agents/catalog-layout';
import { articleUrl } from '../../../src/config/page-urls';
import { readSiteConfig } from '../../../src/config/read-site-config';
import { readContent } from '../../../src/content-checks/read-content';
import { withPolicyValuesInData } from '../../../src/policies/policy-values';
import { articleExportSchema } from '../../../src/schemas/article-export';
import { articleFrontmatterSchema } from '../../../src/schemas/article';
import type { BuiltSite } from './site';

/** An article as its file says: where it is published, under which title, and whether it is a draft. */
export interface WrittenArticle {
	file: string;
	locale: string;
	/** Site path of its page. */
	path: string;
	title: string;
	draft: boolean;
}

/** Every article file of a content folder (the project's by default), published or draft. */
export async function writtenArticles(root = fileURLToPath(new URL('../../../', import.meta.url))): Promise<WrittenArticle[]> {
	const sources = await readContent(root);
	const { policies } = readSiteConfig(root);
	return sources.articles.flatMap((source) => {
		// As the build reads it: with the policies it quotes written out (a description's length counts their values).
		const result = articleFrontmatterSchema.safeParse(withPolicyValuesInData(source.data, policies, source.locale));
		if (!result.success) return [];
		return [
			{
				file: source.file,
				locale: source.locale,
				path: articleUrl(source.locale, source.category, source.slug),
				title: result.data.title,
				draft: result.data.draft,
			},
		];
	});
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/**
 * Checks the outputs for AI agents against the articles as written: every published article appears exactly once
 * in /llms.txt, in its language's /<locale>/llms-full.txt and /agents/<locale>.json and in /articles.json, and has a
 * Markdown twin without frontmatter or MDX; no draft appears anywhere.
 */
export function checkAgentOutputs(site: BuiltSite, articles: WrittenArticle[], locales: string[]): string[] {
	const problems: string[] = [];
	const url = (path: string) => new URL(path, site.siteUrl).href;
	const published = articles.filter((article) => !article.draft);

	const llms = site.text('llms.txt');
	if (llms === undefined) problems.push('/llms.txt is missing');
	// A large help center continues its full texts in llms-full-2.txt…, each part linking the next.
	const fullTexts = new Map(
		locales.map((locale) => {
			const parts: string[] = [];
			for (let index = 1; ; index++) {
				const text = site.text(`${locale}/llms-full${index === 1 ? '' : `-${index}`}.txt`);
				if (text === undefined) break;
				if (parts.length > 0 && !parts.at(-1)?.includes(`](${url(`/${locale}/llms-full-${index}.txt`)})`)) {
					problems.push(`/${locale}/llms-full${index === 2 ? '' : `-${index - 1}`}.txt does not link its next part`);
				}
				parts.push(text);
			}
			return [locale, parts.length > 0 ? parts.join('\n') : undefined] as const;
		}),
	);
	for (const [locale, text] of fullTexts) if (text === undefined) problems.push(`/${locale}/llms-full.txt is missing`);

	// The JSON export too: each part names the next in `next`.
	let exported: { url: string; id: string }[] = [];
	let json: string | undefined;
	for (let path: string | undefined = '/articles.json', parts = 0; path !== undefined && parts < 1000; parts++) {
		const part = site.text(path.slice(1));
		if (part === undefined) {
			problems.push(`${path} is missing`);
			break;
		}
		json = `${json ?? ''}${part}`;
		const result = articleExportSchema.safeParse(JSON.parse(part));
		if (!result.success) {
			problems.push(`${path} does not match its schema: ${result.error.message}`);
			break;
		}
		exported = [...exported, ...result.data.articles];
		path = result.data.next === undefined ? undefined : new URL(result.data.next).pathname;
	}
	// Each locale's catalogue for the MCP endpoint: the articles written in its language, in their categories.
	const catalogs = new Map(
		locales.map((locale) => {
			const text = site.text(catalogUrl(locale).slice(1));
			if (text === undefined) {
				problems.push(`${catalogUrl(locale)} is missing`);
				return [locale, undefined] as const;
			}
			const catalog = JSON.parse(text) as Catalog;
			if (catalog.version !== 1 || catalog.locale !== locale) problems.push(`${catalogUrl(locale)} is not version 1 of ${locale}'s catalogue`);
			return [locale, catalog.categories.flatMap((category) => category.articles.map((article) => article.url))] as const;
		}),
	);

	const ids = new Set(exported.map((article) => article.id));
	if (ids.size !== exported.length) problems.push('/articles.json repeats an id');

	const llmsLinks = llms ? count(llms, new RegExp(`\\]\\(${escapeRegExp(url('/'))}[^)]*\\.md\\)`, 'g')) : 0;
	if (llms !== undefined && llmsLinks !== published.length) {
		problems.push(`/llms.txt links ${llmsLinks} Markdown articles; ${published.length} are published`);
	}
	if (json !== undefined && exported.length !== published.length) {
		problems.push(`/articles.json holds ${exported.length} articles; ${published.length} are published`);
	}

	for (const article of articles) {
		const at = (message: string) => problems.push(`${article.file}: ${message}`);
		const address = url(article.path);
		const expected = article.draft ? 0 : 1;
		const verb = article.draft ? 'draft appears' : 'should appear once but appears';
		const inLlms = llms ? count(llms, new RegExp(`\\]\\(${escapeRegExp(`${address}.md`)}\\)`, 'g')) : expected;
		if (inLlms !== expected) at(`${verb} ${inLlms} time(s) in /llms.txt`);
		for (const [locale, text] of fullTexts) {
			if (text === undefined) continue;
			// Each article in the full text starts with its title and a line ending in its address.
			const found = count(text, new RegExp(`: ${escapeRegExp(address)}$`, 'gm'));
			const wanted = locale === article.locale ? expected : 0;
			if (found !== wanted) at(`${article.draft ? 'draft ' : ''}appears ${found} time(s) in /${locale}/llms-full.txt, expected ${wanted}`);
		}
		for (const [locale, paths] of catalogs) {
			if (paths === undefined) continue;
			const found = paths.filter((path) => path === article.path).length;
			const wanted = locale === article.locale ? expected : 0;
			if (found !== wanted) at(`${article.draft ? 'draft ' : ''}appears ${found} time(s) in ${catalogUrl(locale)}, expected ${wanted}`);
		}
		const inJson = exported.filter((entry) => entry.url === address).length;
		if (json !== undefined && inJson !== expected) at(`${verb} ${inJson} time(s) in /articles.json`);
		const twin = site.text(`${article.path}.md`);
		if (article.draft) {
			if (twin !== undefined) at(`draft has a Markdown twin at ${article.path}.md`);
			continue;
		}
		if (twin === undefined) {
			at(`has no Markdown twin at ${article.path}.md`);
			continue;
		}
		if (twin.startsWith('---')) at(`${article.path}.md starts with frontmatter`);
		else if (!twin.startsWith(`# ${article.title}\n`)) at(`${article.path}.md does not start with its title`);
		const jsx = /<[A-Z][\w.]*|^(import|export)\s/m.exec(twin);
		if (jsx) at(`${article.path}.md still holds MDX: ${jsx[0]}`);
	}
	return problems;
}
