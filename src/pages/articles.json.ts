import type { APIRoute } from 'astro';
import { getAgentArticles } from '../agents/agent-articles';
import { markdownToPlainText } from '../agents/plain-text';
import { defaultLocale, site } from '../config/site';
import { translate } from '../i18n/translate';
import type { ArticleExport } from '../schemas/article-export';
import { absoluteUrl } from '../seo/urls';

export const prerender = true;

/** `/articles.json`: every published article with its plain text, for helpdesk AI agents to ingest. */
export const GET: APIRoute = async () => {
	const articles = await getAgentArticles();
	const body: ArticleExport = {
		site: { name: translate(defaultLocale, 'site.title', { brand: site.brand.name }), url: absoluteUrl('/') },
		articles: articles.map(({ page, categoryTitle, markdownUrl, bodyMarkdown }) => ({
			id: `${page.locale}:${page.key}`,
			locale: page.locale,
			translationKey: page.key,
			title: page.entry.data.title,
			description: page.entry.data.description,
			category: page.category,
			categoryTitle,
			url: absoluteUrl(page.url),
			markdownUrl: absoluteUrl(markdownUrl),
			updated: page.entry.data.updated.toISOString().slice(0, 10),
			keywords: page.entry.data.keywords,
			text: markdownToPlainText(bodyMarkdown),
		})),
	};
	return new Response(`${JSON.stringify(body, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
