import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgentArticles } from '../../../agents/agent-articles';
import type { AnswerSourceArticle } from '../../../answers/build/answer-units';
import { buildAnswerIndex } from '../../../answers/build/build-answer-index';
import { locales } from '../../../config/site';
import { articleBody } from '../../../utils/article-body';

export const prerender = true;

/** Each locale's published articles (fallback pages repeat another locale's text: they are not this locale's answers). */
async function sourceArticles(locale: string): Promise<AnswerSourceArticle[]> {
	return (await getAgentArticles())
		.filter((article) => article.page.locale === locale && !article.page.isFallback)
		.map(({ page }) => ({
			key: page.slug,
			url: page.url,
			title: page.entry.data.title,
			description: page.entry.data.description,
			keywords: page.entry.data.keywords,
			updated: page.entry.data.updated.toISOString().slice(0, 10),
			body: articleBody(page.entry),
			format: page.entry.filePath?.endsWith('.md') ? 'md' : 'mdx',
			faq: page.entry.data.faq ?? [],
			asked: page.entry.data.asked,
		}));
}

export const getStaticPaths = (async () => {
	const paths = [];
	for (const locale of locales) {
		for (const [file, text] of buildAnswerIndex(locale, await sourceArticles(locale))) paths.push({ params: { locale, file }, props: { text } });
	}
	return paths;
}) satisfies GetStaticPaths;

/**
 * The answer index of each locale (src/answers/index-layout.ts): the passages that can answer a shopper's question,
 * which the Worker's `POST /api/answer` reads.
 */
export const GET: APIRoute<{ text: string }> = ({ props, params }) =>
	new Response(props.text, { headers: { 'Content-Type': params.file?.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json' } });
