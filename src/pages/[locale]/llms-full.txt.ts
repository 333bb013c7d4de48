import type { APIRoute, GetStaticPaths } from 'astro';
import { getAgentArticles } from '../../agents/agent-articles';
import { llmsFullTxt } from '../../agents/llms-txt';
import { defaultLocale, site } from '../../config/site';
import { translate } from '../../i18n/translate';
import { localePaths } from '../../utils/static-paths';

export const prerender = true;
export const getStaticPaths = localePaths satisfies GetStaticPaths;

/** Every article written in one language, in full, as one Markdown file. */
export const GET: APIRoute = async ({ params }) => {
	const locale = params.locale ?? defaultLocale;
	const articles = (await getAgentArticles()).filter((article) => article.page.locale === locale);
	const text = llmsFullTxt(
		translate(locale, 'site.title', { brand: site.brand.name }),
		site.brand.tagline[locale] ?? '',
		articles.map((article) => article.markdown),
	);
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
