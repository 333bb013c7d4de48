import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgentArticles } from '../../agents/agent-articles';
import { encodePack, markdownPackName } from '../../worker/asset-pack';

export const prerender = true;

export const getStaticPaths = (async () => {
	const packs = Map.groupBy(await getAgentArticles(), (article) => markdownPackName(article.page.url));
	return [...packs].map(([pack, articles]) => ({
		params: { pack },
		props: { twins: articles.map((article) => [article.page.url, article.markdown] as const) },
	}));
}) satisfies GetStaticPaths;

const encoder = new TextEncoder();

/**
 * The Markdown twins of the built site, packed a few hundred to a file so that a large help center stays within
 * the static-file limits; the Worker answers `<article address>.md` from them (src/worker/packed-assets.ts).
 */
export const GET: APIRoute<{ twins: (readonly [string, string])[] }> = ({ props }) =>
	new Response(encodePack(new Map(props.twins.map(([url, markdown]) => [url, encoder.encode(markdown)]))), {
		headers: { 'Content-Type': 'application/octet-stream' },
	});
