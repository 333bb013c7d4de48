import type { APIRoute } from 'astro';
import { getAgentArticles } from '../agents/agent-articles';
import { exportUrl, fullTextParts, fullTextUrl } from '../agents/file-parts';
import { llmsTxt } from '../agents/llms-txt';
import { defaultLocale, locales, site } from '../config/site';
import { languageNameIn } from '../i18n/language-name';
import { translate } from '../i18n/translate';
import { absoluteUrl } from '../seo/urls';
import { getHelpCenter } from '../utils/help-center';

export const prerender = true;

/** `/llms.txt`: what the help center is and where each article's Markdown lives, by language and category. */
export const GET: APIRoute = async () => {
	const [articles, { categories }, fullTexts] = await Promise.all([getAgentArticles(), getHelpCenter(), fullTextParts()]);
	const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(defaultLocale, key, values);
	// By language, then in the order readers see the categories.
	const byLocale = locales.flatMap((locale) => categories.filter((category) => category.locale === locale));
	const sections = byLocale.map((category) => {
		const language = languageNameIn(defaultLocale, category.locale);
		return {
			heading: `${category.data.title} (${language})`,
			links: articles
				.filter((article) => article.page.locale === category.locale && article.page.category === category.id)
				.map((article) => ({
					title: article.page.entry.data.title,
					url: absoluteUrl(article.markdownUrl),
					notes: article.page.entry.data.description,
				})),
		};
	});
	const optional = [
		...site.locales.flatMap(({ code }) => {
			const language = languageNameIn(defaultLocale, code);
			return (fullTexts.get(code) ?? [[]]).map((_part, index) => ({
				title: index === 0 ? t('llms.fullText', { language }) : t('llms.fullTextPart', { language, part: String(index + 1) }),
				url: absoluteUrl(fullTextUrl(code, index)),
			}));
		}),
		// The JSON export's parts name the next one: agents follow `next` from the first.
		{ title: t('llms.json'), url: absoluteUrl(exportUrl(0)), notes: t('llms.jsonNotes') },
	];
	// The MCP endpoint's tools (functions/mcp/server.ts); answer_question only while answers are on.
	const mcpTools = ['search_articles', 'get_article', 'list_categories', ...(site.answers.enabled ? ['answer_question'] : [])];
	const text = llmsTxt({
		title: t('site.title', { brand: site.brand.name }),
		summary: site.brand.tagline[defaultLocale] ?? '',
		details: [t('llms.details'), t('llms.mcp', { url: absoluteUrl('/mcp'), tools: mcpTools.join(', ') })],
		sections,
		optional,
	});
	return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
