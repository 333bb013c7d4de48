import type { APIRoute, GetStaticPaths } from 'astro';
import type { AgentArticle } from '../../agents/agent-articles';
import { fullTextName, fullTextParts, fullTextUrl } from '../../agents/file-parts';
import { llmsFullTxt } from '../../agents/llms-txt';
import { site } from '../../config/site';
import { translate } from '../../i18n/translate';
import { absoluteUrl } from '../../seo/urls';

export const prerender = true;

export const getStaticPaths = (async () => {
	const parts = await fullTextParts();
	return [...parts].flatMap(([locale, localeParts]) =>
		localeParts.map((articles, index) => ({
			params: { locale, file: fullTextName(index) },
			props: { articles, next: index + 1 < localeParts.length ? fullTextUrl(locale, index + 1) : undefined },
		})),
	);
}) satisfies GetStaticPaths;

/**
 * Every article written in one language, in full, as Markdown: `/<locale>/llms-full.txt`, continued in
 * `llms-full-2.txt` and so on when a large help center would not fit one file (see src/agents/file-parts.ts).
 */
export const GET: APIRoute<{ articles: AgentArticle[]; next: string | undefined }> = ({ params, props }) => {
	const locale = params.locale ?? '';
	const text = llmsFullTxt(
		translate(locale, 'site.title', { brand: site.brand.name }),
		site.brand.tagline[locale] ?? '',
		props.articles.map((article) => article.markdown),
		props.next ? { title: translate(locale, 'llms.nextPart'), url: absoluteUrl(props.next) } : undefined,
	);
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
