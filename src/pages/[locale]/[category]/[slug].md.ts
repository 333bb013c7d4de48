import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgentArticles, type AgentArticle } from '../../../agents/agent-articles';

export const prerender = true;

// The build packs the twins instead (src/pages/markdown-packs), which the Worker serves at these same addresses;
// this route serves them while editing, in `astro dev`.
export const getStaticPaths = (async () => {
	if (!import.meta.env.DEV) return [];
	const articles = await getAgentArticles();
	return articles.map((article) => ({
		params: { locale: article.page.locale, category: article.page.category, slug: article.page.slug },
		props: { article },
	}));
}) satisfies GetStaticPaths;

/** The Markdown twin of an article, at its address followed by `.md`, for AI agents. */
export const GET: APIRoute<{ article: AgentArticle }> = ({ props }) =>
	new Response(props.article.markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
