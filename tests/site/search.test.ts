import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBuiltSite, type NodeSearch } from '../../scripts/lib/node-pagefind';
import { hitRate, qualityQueries, scorePipeline } from '../../scripts/lib/search-quality';
import { searchHelpCenter } from '../../src/search/query/search-help-center';
import { builtPages, clientDir, loadDocument } from '../support/built-site';

const pages = builtPages();
const articlePaths = [...pages.keys()].filter((path) => path.split('/').length === 4 && !path.endsWith('/404'));
const bundle = join(clientDir, 'pagefind');

let search: NodeSearch;
beforeAll(async () => {
	search = await searchBuiltSite(clientDir);
});
afterAll(async () => {
	await search?.stop();
});

async function top(locale: string, query: string, n = 3) {
	const outcome = await searchHelpCenter(search.pagefind(locale), { query, language: locale, complete: true, vocabulary: () => search.vocabulary(locale) });
	const urls = await Promise.all(outcome.results.slice(0, n).map(async (result) => (await result.data()).url));
	return { outcome, urls };
}

describe('the search index', () => {
	it('has one index per locale holding every article of that locale, and nothing else', () => {
		const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		for (const locale of ['en', 'fr']) {
			const articles = articlePaths.filter((path) => path.startsWith(`/${locale}/`));
			expect(entry.languages[locale]?.page_count, locale).toBe(articles.length);
		}
		expect(Object.keys(entry.languages).sort()).toEqual(['en', 'fr']);
	});

	it('publishes each locale’s vocabulary, most frequent words first', () => {
		for (const locale of ['en', 'fr']) {
			const words = readFileSync(join(bundle, `words.${locale}.txt`), 'utf8').trim().split('\n');
			expect(words.length).toBeGreaterThan(1_000);
			expect(words).toContain(locale === 'en' ? 'refund' : 'remboursement');
			expect(words.every((word) => word === word.toLowerCase() && word === word.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(true);
		}
	});

	it('indexes article bodies only: page chrome, dates, notices and contact boxes are not searchable', async () => {
		for (const phrase of ['skip to content', 'dark theme', 'still need help', 'last updated', 'related articles']) {
			const response = await search.pagefind('en').search(`"${phrase}"`);
			expect(response.results.length, phrase).toBe(0);
		}
		expect((await search.pagefind('fr').search('"pas encore disponible"')).results.length).toBe(0);
		expect((await search.pagefind('en').search('"how long does a refund take"')).results.length).toBe(1);
	});

	it('gives each result its title, category, date and category filter', async () => {
		const response = await search.pagefind('en').search('refund');
		const data = await response.results[0]?.data();
		expect(data?.meta).toMatchObject({ title: 'When will I get my refund?', category: 'Returns & refunds', updated: '2026-10-13' });
		expect(data?.filters).toEqual({ category: ['returns-refunds'] });
		const filtered = await search.pagefind('en').search('refund', { filters: { category: 'payments' } });
		const categories = await Promise.all(filtered.results.map(async (result) => (await result.data()).filters['category']));
		expect(categories.length).toBeGreaterThan(0);
		expect(categories.every((category) => category?.[0] === 'payments')).toBe(true);
	});

	it('links results to the matching heading inside the article', async () => {
		const response = await search.pagefind('en').search('refund not received');
		const data = await response.results[0]?.data();
		expect(data?.sub_results.map((section) => section.url)).toContain('/en/returns-refunds/refund-timing#refund-not-received');
	});
});

describe('the query pipeline on the built index', () => {
	it('ranks a title match above body matches', async () => {
		expect((await top('en', 'gift cards')).urls[0]).toBe('/en/payments/gift-cards');
	});

	it('finds articles by their keywords and by synonyms from site.yaml', async () => {
		expect((await top('en', 'reimbursement')).urls[0]).toBe('/en/returns-refunds/refund-timing');
		expect((await top('en', 'lost package')).urls).toContain('/en/shipping/missing-or-damaged-parcel');
		expect((await top('fr', 'paquet perdu')).urls).toContain('/fr/shipping/colis-perdu-ou-endommage');
	});

	it('matches without accents, and other forms of a word', async () => {
		expect((await top('fr', 'delai remboursement')).urls[0]).toBe('/fr/returns-refunds/delai-de-remboursement');
		expect((await top('en', 'refunds')).urls[0]).toBe('/en/returns-refunds/refund-timing');
	});

	it('corrects misspelt words against the index vocabulary and says so', async () => {
		const { outcome, urls } = await top('en', 'pasword reset');
		expect(outcome.corrected).toBe('password reset');
		expect(urls[0]).toBe('/en/account/reset-your-password');
		expect((await top('fr', 'mot de pase')).urls[0]).toBe('/fr/account/reinitialiser-mot-de-passe');
	});

	it('finds the closest articles when none has every word', async () => {
		const { outcome, urls } = await top('en', 'parcel never showed up zzzz');
		expect(outcome.partial).toBe(true);
		expect(urls.length).toBe(3);
	});

	it('finds nothing, quietly, for text that is not in the help center', async () => {
		for (const query of ['zzzzqqq', '📦📦📦', 'استرداد المال', 'x'.repeat(1_000), '   ', '\u202E\u200B']) {
			expect((await top('en', query)).outcome.results.length, query).toBe(0);
		}
	});

	it('searches markup in a query as plain words', async () => {
		const { outcome } = await top('en', '<script>alert("refund")</script>');
		expect(outcome.query).toBe('<script>alert("refund")</script>');
		expect(outcome.results.length).toBeGreaterThan(0);
	});

	it('puts the expected article in the top 3 for at least 95% of the checked-in queries of each locale', async () => {
		for (const locale of ['en', 'fr']) {
			const scores = await scorePipeline(search, locale, qualityQueries(locale));
			expect(hitRate(scores, 3), locale).toBeGreaterThanOrEqual(0.95);
		}
	});
});

describe('the search page', () => {
	for (const locale of ['en', 'fr']) {
		it(`/${locale}/search is a noindex page whose form works without JavaScript`, () => {
			const document = loadDocument(pages.get(`/${locale}/search`) ?? '');
			expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
			const form = document.querySelector('form[role="search"]');
			expect(form?.getAttribute('action')).toBe(`/${locale}/search`);
			expect(form?.getAttribute('method')).toBe('get');
			expect(form?.querySelector('input[name="q"]')).not.toBeNull();
			expect(form?.querySelectorAll('select[name="category"] option').length).toBe(7);
			expect(document.querySelectorAll('noscript a[href]').length).toBe(6);
			expect(document.querySelector('[data-pagefind-body]')).toBeNull();
		});
	}
});

describe('the cost of search on other pages', () => {
	it('is one small inline script: nothing search-related is downloaded before the shopper asks', () => {
		for (const path of [...articlePaths.slice(0, 10), '/en', '/fr/shipping']) {
			const document = loadDocument(pages.get(path) ?? '');
			const external = [...document.querySelectorAll('script[src], link[href]')].map((node) => node.getAttribute('src') ?? node.getAttribute('href') ?? '');
			// The page's own features (an embedded order lookup, "Was this article helpful?") are not search.
			expect(external.filter((url) => /pagefind|search|_astro/.test(url) && !/order-lookup|article-feedback/.test(url)), path).toEqual([]);
			const bootstrap = [...document.querySelectorAll('script[type="module"]')].find((script) => script.textContent?.includes('search-ui'));
			expect(bootstrap, path).toBeDefined();
			// The phone's search sheet opens and closes from here, before the search UI has loaded: about 1 KB of the 2.4.
			expect(bootstrap?.textContent?.length ?? 0).toBeLessThan(2_400);
		}
		const ui = readFileSync(join(clientDir, 'en.html'), 'utf8').match(/\/_astro\/search-ui\.[\w-]+\.js/)?.[0] ?? '';
		expect(existsSync(join(clientDir, ui))).toBe(true);
	});
});
