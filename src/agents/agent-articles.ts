import { markdownUrl } from '../config/page-urls';
import { locales } from '../config/site';
import { articleBody } from '../utils/article-body';
import { getHelpCenter, type ArticlePage } from '../utils/help-center';
import { articleBodyMarkdown, articleMarkdown, type ArticleMarkdownInput } from './markdown';

/** A published article as AI agents get it: its page, its category's title and its Markdown twin. */
export interface AgentArticle {
	page: ArticlePage;
	categoryTitle: string;
	markdownUrl: string;
	/** The Markdown twin, whole. */
	markdown: string;
	/** The article's text and FAQ in Markdown, without the title block. */
	bodyMarkdown: string;
}

async function loadAgentArticles(): Promise<AgentArticle[]> {
	const { categories } = await getHelpCenter();
	// Each article once, in the language it is written in: fallback pages repeat another locale's text.
	return locales.flatMap((locale) =>
		categories
			.filter((category) => category.locale === locale)
			.flatMap((category) =>
				category.articles
					.filter((page) => !page.isFallback)
					.map((page) => {
						const input: ArticleMarkdownInput = {
							title: page.entry.data.title,
							description: page.entry.data.description,
							updated: page.entry.data.updated,
							locale: page.contentLocale,
							url: page.url,
							body: articleBody(page.entry),
							faq: page.entry.data.faq,
							file: page.entry.filePath ?? page.url,
						};
						return {
							page,
							categoryTitle: category.data.title,
							markdownUrl: markdownUrl(page.url),
							markdown: articleMarkdown(input),
							bodyMarkdown: articleBodyMarkdown(input),
						};
					}),
			),
	);
}

let cached: Promise<AgentArticle[]> | undefined;

/** Every published article with its Markdown twin, by locale, category and article order; built once per build. */
export function getAgentArticles(): Promise<AgentArticle[]> {
	cached ??= loadAgentArticles();
	return cached;
}
