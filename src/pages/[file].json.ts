import type { APIRoute, GetStaticPaths } from 'astro';
import type { AgentArticle } from '../agents/agent-articles';
import { exportName, exportParts, exportUrl } from '../agents/file-parts';
import { markdownToPlainText } from '../agents/plain-text';
import { defaultLocale, site } from '../config/site';
import { translate } from '../i18n/translate';
import type { ArticleExport } from '../schemas/article-export';
import { absoluteUrl } from '../seo/urls';

export const prerender = true;

export const getStaticPaths = (async () => {
	const parts = await exportParts();
	return parts.map((articles, index) => ({
		params: { file: exportName(index) },
		props: { articles, next: index + 1 < parts.length ? exportUrl(index + 1) : undefined },
	}));
}) satisfies GetStaticPaths;

/**
 * `/articles.json`: every published article with its plain text, for helpdesk AI agents to ingest. A large help
 * center continues in `/articles-2.json` and so on, each part naming the next in `next`.
 */
export const GET: APIRoute<{ articles: AgentArticle[]; next: string | undefined }> = ({ props }) => {
	const body: ArticleExport = {
		site: { name: translate(defaultLocale, 'site.title', { brand: site.brand.name }), url: absoluteUrl('/') },
		articles: props.articles.map(({ page, categoryTitle, markdownUrl, bodyMarkdown }) => ({
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
		...(props.next ? { next: absoluteUrl(props.next) } : {}),
	};
	return new Response(`${JSON.stringify(body, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
