import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/agents/catalog-layout';
import { readSiteConfig } from '../../src/config/read-site-config';
import { articleExportSchema } from '../../src/schemas/article-export';
import { checkAgentOutputs, writtenArticles } from '../support/validators/agent-outputs';
import { openSite } from '../support/validators/site';

const config = readSiteConfig(new URL('../../', import.meta.url));
const locales = config.locales.map((locale) => locale.code);
const site = openSite();
const articles = await writtenArticles();

describe('llms.txt, Markdown twins and the JSON export for AI agents', () => {
	it('hold every published article of both locales exactly once, and no draft', () => {
		for (const locale of locales) {
			expect(articles.filter((article) => article.locale === locale && !article.draft).length, locale).toBeGreaterThanOrEqual(25);
			expect(articles.filter((article) => article.locale === locale && article.draft).length, locale).toBeGreaterThan(0);
		}
		expect(checkAgentOutputs(site, articles, locales)).toEqual([]);
	});

	it('render MDX components as Markdown in the twins: callouts as quotes, steps as their list, the contact box as links', () => {
		const twin = site.text('en/returns-refunds/how-to-return-an-item.md') ?? '';
		expect(twin).toMatch(/^> \*\*Tip\*\*\n> Returning several items/m);
		expect(twin).toMatch(/^1\. Open the \[return page\]\(https:\/\/[^)]+\/en\/return\) and enter your order number/m);
		expect(twin).toContain('## Still need help?');
		expect(twin).toContain(`[Email us](mailto:${config.contact.email})`);
		expect(twin).not.toMatch(/<\/?(Steps|Callout|ContactCta)\b|^(title|updated|translationKey):/m);
		const french = site.text('fr/returns-refunds/politique-de-retour.md') ?? '';
		expect(french).toContain('## Questions fréquentes');
		expect(french).toContain('Dernière mise à jour : 2026-10-15');
	});

	it('list the articles in llms.txt by language and category, with the full texts and the JSON export', () => {
		const llms = site.text('llms.txt') ?? '';
		expect(llms).toMatch(/^# .+\n\n> .+\n/);
		expect(llms).toContain('## Shipping & delivery (English)');
		expect(llms).toContain('## Expédition et livraison (French)');
		for (const locale of locales) expect(llms).toContain(new URL(`/${locale}/llms-full.txt`, config.siteUrl).href);
		expect(llms).toContain(new URL('/articles.json', config.siteUrl).href);
		expect(llms).toContain(`MCP server for AI assistants, over Streamable HTTP at ${new URL('/mcp', config.siteUrl).href}: the tools search_articles, get_article, list_categories, answer_question`);
	});

	it('give the MCP endpoint each locale’s categories, in reading order, with their articles and without their text', () => {
		const catalog = JSON.parse(site.text('agents/fr.json') ?? '{}') as Catalog;
		expect(catalog.categories.map((category) => category.id)).toEqual(['orders-tracking', 'shipping', 'returns-refunds', 'payments', 'products-sizing', 'account']);
		const returns = catalog.categories.find((category) => category.id === 'returns-refunds');
		expect(returns).toMatchObject({ title: 'Retours et remboursements', url: '/fr/returns-refunds', description: expect.any(String) });
		expect(returns?.articles).toContainEqual({ title: expect.any(String), url: '/fr/returns-refunds/delai-de-remboursement', description: expect.any(String), updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
	});

	it('export plain text without Markdown, in the shape helpdesk agents read', () => {
		const exported = articleExportSchema.parse(JSON.parse(site.text('articles.json') ?? ''));
		expect(new Set(exported.articles.map((article) => article.locale))).toEqual(new Set(locales));
		const sizeGuide = exported.articles.find((article) => article.id === 'en:size-guide');
		expect(sizeGuide?.text).toContain('Chest: wrap the tape around the fullest part of your chest');
		expect(sizeGuide?.text).toContain('S | 36 | 8 | 4');
		for (const article of exported.articles) expect(article.text, article.id).not.toMatch(/\*\*|\]\(|^#+ |^> |<[A-Z]/m);
	});
});
