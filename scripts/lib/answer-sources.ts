import { readContent } from '../../src/content-checks/read-content.ts';
import type { AnswerSourceArticle } from '../../src/answers/build/answer-units.ts';
import { buildAnswerIndex, type FieldWeights } from '../../src/answers/build/build-answer-index.ts';
import { AnswerIndex } from '../../src/answers/answer-index.ts';
import { answerIndexFolder } from '../../src/answers/index-layout.ts';
import { articleUrl } from '../../src/config/page-urls.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig } from '../../src/config/parse-site-config.ts';
import { readSiteConfig, siteConfigFile } from '../../src/config/read-site-config.ts';
import { bodyWithPolicyValues } from '../../src/policies/policy-body.ts';
import { withPolicyValuesInData } from '../../src/policies/policy-values.ts';
import { articleFrontmatterSchema } from '../../src/schemas/article.ts';
import { gateRowsOf, type GateView } from './answer-eval.ts';
import { projectRoot } from './bench-project.ts';

/**
 * The published articles of a project's content folder, per locale, as the answer index reads them, straight from
 * the files (no Astro build): for benchmarks and tools that index a generated or imported catalogue. Articles
 * that fail validation are left out (`npm run check` reports them).
 */
export async function answerSourcesOf(root: string): Promise<Map<string, AnswerSourceArticle[]>> {
	const content = await readContent(root);
	// The policies the articles quote, written out as the build writes them (src/policies/).
	const { policies } = parseSiteConfig(readFileSync(join(root, siteConfigFile), 'utf8'), siteConfigFile);
	const byLocale = new Map<string, AnswerSourceArticle[]>();
	for (const article of content.articles) {
		const parsed = articleFrontmatterSchema.safeParse(withPolicyValuesInData(article.data, policies, article.locale));
		if (!parsed.success || parsed.data.draft) continue;
		const data = parsed.data;
		const list = byLocale.get(article.locale) ?? [];
		list.push({
			key: article.slug,
			url: articleUrl(article.locale, article.category, article.slug),
			title: data.title,
			description: data.description,
			keywords: data.keywords,
			updated: data.updated.toISOString().slice(0, 10),
			body: bodyWithPolicyValues(article.body, policies, article.locale),
			format: article.extension,
			faq: data.faq ?? [],
			asked: data.asked,
		});
		byLocale.set(article.locale, list);
	}
	return byLocale;
}

/** An answer index built in memory from articles, read as the Worker reads the built one. */
export function memoryIndex(locale: string, articles: AnswerSourceArticle[], fields?: FieldWeights): AnswerIndex {
	return indexOverFiles(locale, buildAnswerIndex(locale, articles, fields));
}

/** A new reader over an index's files already in memory: what a new isolate sees (every file read on first use). */
export function indexOverFiles(locale: string, files: Map<string, string>): AnswerIndex {
	const folder = answerIndexFolder(locale);
	return new AnswerIndex(locale, async (path) => (path.startsWith(folder) ? files.get(path.slice(folder.length)) : undefined));
}

/**
 * Every locale's questions answered with the gate open, over an answer index built in memory from the project's
 * content (no build needed): what the gates are fitted on. `withoutAsked` leaves the articles' `asked` questions out,
 * as for a help center that lists none: what `defaultGate` is fitted on.
 */
export async function contentGateViews(root = projectRoot, options: { withoutAsked?: boolean } = {}): Promise<GateView[]> {
	const site = readSiteConfig(root);
	const sources = await answerSourcesOf(root);
	const views: GateView[] = [];
	for (const { code: locale } of site.locales) {
		const articles = sources.get(locale) ?? [];
		const index = memoryIndex(locale, options.withoutAsked ? articles.map(({ asked: _, ...article }) => article) : articles);
		views.push(...(await gateRowsOf(index, { synonyms: site.search.synonyms[locale] ?? [], staleAfterDays: site.answers.staleAfterDays })));
	}
	return views;
}
