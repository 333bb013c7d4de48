import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homeUrl, searchUrl, selfServiceUrls } from '../../src/config/page-urls';
import { readSiteConfig } from '../../src/config/read-site-config';
import { writtenArticles } from '../support/validators/agent-outputs';
import { checkHeadTags } from '../support/validators/head-tags';
import { checkHreflang } from '../support/validators/hreflang';
import { readSitemaps, checkSitemapCoverage, validateSitemapXml } from '../support/validators/sitemaps';
import { headTags, openSite } from '../support/validators/site';
import { checkJsonLd, jsonLdTypes } from '../support/validators/structured-data';

const config = readSiteConfig(new URL('../../', import.meta.url));
const locales = config.locales.map((locale) => locale.code);
const site = openSite();
const paths = [...site.pages.keys()];
const isNotFound = (path: string) => /(^|\/)404$/.test(path);
const homePaths = locales.map((locale) => homeUrl(locale));
const selfServicePaths = new Set([...selfServiceUrls(locales), ...locales.map((locale) => searchUrl(locale))]);
const categoryPaths = paths.filter((path) => path.split('/').length === 3 && !isNotFound(path) && !selfServicePaths.has(path));
const articlePaths = paths.filter((path) => path.split('/').length === 4 && !isNotFound(path));
const fallbackPath = '/fr/products-sizing/restock-notifications';
const url = (path: string) => new URL(path, config.siteUrl).href;

describe('search engines and social networks read every page', () => {
	it('finds lang, dir, a unique title and description, a canonical address or noindex, and Open Graph and X card tags', () => {
		expect(checkHeadTags(site)).toEqual([]);
	});

	it('shows search engines and social networks the seoTitle of an article that has one, and readers its title', () => {
		const path = '/en/payments/invoices-and-vat';
		const head = headTags(site.document(path));
		expect(head.title).toMatch(/^Invoices and VAT: download, check and add company details \| /);
		expect(head.social.get('og:title')).toBe('Invoices and VAT: download, check and add company details');
		expect(head.social.get('twitter:title')).toBe('Invoices and VAT: download, check and add company details');
		expect(site.document(path).querySelector('h1')?.textContent?.trim()).toBe('Invoices and VAT');
	});

	it('finds reciprocal hreflang alternates with x-default on every indexable page', () => {
		expect(checkHreflang(site)).toEqual([]);
		expect(headTags(site.document('/fr')).hreflang).toEqual([
			{ hreflang: 'en', href: url('/en') },
			{ hreflang: 'fr', href: url('/fr') },
			{ hreflang: 'x-default', href: url('/en') },
		]);
		const indexable = paths.filter((path) => !headTags(site.document(path)).noindex && path !== fallbackPath);
		const withoutHreflang = indexable.filter((path) => headTags(site.document(path)).hreflang.length === 0);
		expect(withoutHreflang).toEqual([]);
	});

	it('sends a fallback page (English text under a French address) to the English original, claiming no French', () => {
		const head = headTags(site.document(fallbackPath));
		expect(head.lang).toBe('fr');
		expect(head.canonical).toBe(url('/en/products-sizing/restock-notifications'));
		expect(head.hreflang).toEqual([]);
		expect(head.social.get('og:locale')).toBe('en_US');
		const original = headTags(site.document('/en/products-sizing/restock-notifications'));
		expect(original.hreflang.map((link) => link.hreflang)).toEqual(['en', 'x-default']);
	});

	it('keeps noindex pages (404) out of the index: no canonical, no alternates', () => {
		for (const path of paths.filter(isNotFound)) {
			const head = headTags(site.document(path));
			expect({ path, noindex: head.noindex, canonical: head.canonical, hreflang: head.hreflang }).toEqual({ path, noindex: true, canonical: undefined, hreflang: [] });
		}
	});

	it('shares every page with the configured 1200×630 social card', () => {
		const image = headTags(site.document('/en')).social.get('og:image') ?? '';
		expect(image).toBe(url(config.brand.socialImage ?? ''));
		const png = readFileSync(site.resolve(new URL(image).pathname) ?? '');
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	});

	it('points AI agents from each article page to its Markdown twin', () => {
		for (const path of articlePaths) {
			const canonical = headTags(site.document(path)).canonical ?? '';
			const twin = site.document(path).querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href');
			expect(twin, path).toBe(`${new URL(canonical).pathname}.md`);
		}
	});
});

describe('structured data (JSON-LD) parsed back from every page', () => {
	it('has every property its types require, resolves its references and matches what the page shows', () => {
		const problems = paths.flatMap((path) => checkJsonLd(site.document(path)).map((problem) => `${path}: ${problem}`));
		expect(problems).toEqual([]);
	});

	it('describes the organisation and the website with its search on the home pages', () => {
		for (const path of homePaths) expect(jsonLdTypes(site.document(path)), path).toEqual(['Organization', 'WebSite']);
		const script = site.document('/fr').querySelector('script[type="application/ld+json"]')?.textContent ?? '';
		expect(script).toContain(`"urlTemplate":"${url('/fr/search')}?q={search_term_string}"`);
	});

	it('gives categories their breadcrumbs, and FAQ-layout categories their questions', () => {
		for (const path of categoryPaths) {
			const isFaqLayout = site.document(path).querySelector('.faq-layout dl.faq') !== null;
			expect(jsonLdTypes(site.document(path)), path).toEqual(isFaqLayout ? ['BreadcrumbList', 'FAQPage'] : ['BreadcrumbList']);
		}
		expect(categoryPaths.filter((path) => jsonLdTypes(site.document(path)).includes('FAQPage'))).toEqual(['/en/account', '/fr/account']);
	});

	it('gives articles their breadcrumbs and Article, and FAQPage where they have questions', () => {
		for (const path of articlePaths) {
			const hasFaq = site.document(path).querySelector('#faq-heading') !== null;
			const expected = ['BreadcrumbList', 'Article', ...(hasFaq ? ['FAQPage'] : []), 'Organization'];
			expect(jsonLdTypes(site.document(path)), path).toEqual(expected);
		}
		expect(articlePaths.filter((path) => jsonLdTypes(site.document(path)).includes('FAQPage')).length).toBeGreaterThan(10);
	});
});

describe('sitemaps and robots.txt', () => {
	it('are valid against the sitemaps.org schemas and ours for xhtml:link (xmllint)', () => {
		expect(validateSitemapXml(site)).toEqual([]);
	});

	it('list every indexable page once, with lastmod and the same alternates as the page, and nothing else', () => {
		expect(checkSitemapCoverage(site)).toEqual([]);
		const { sitemaps } = readSitemaps(site);
		expect(sitemaps.map((sitemap) => sitemap.path)).toEqual(locales.map((locale) => `/sitemap-${locale}.xml`));
		for (const sitemap of sitemaps) {
			const locale = /sitemap-(\w+)\.xml/.exec(sitemap.path)?.[1];
			expect(sitemap.urls.every((entry) => entry.loc.startsWith(url(`/${locale}`))), sitemap.path).toBe(true);
		}
	});

	it('leave out drafts, fallback pages and search results', async () => {
		const listed = readSitemaps(site).sitemaps.flatMap((sitemap) => sitemap.urls.map((entry) => entry.loc));
		const drafts = (await writtenArticles()).filter((article) => article.draft);
		expect(drafts.length).toBeGreaterThan(0);
		for (const draft of drafts) expect(listed).not.toContain(url(draft.path));
		expect(listed).not.toContain(url(fallbackPath));
		expect(listed.filter((loc) => /\/search(\?|$)/.test(loc))).toEqual([]);
		const robots = site.text('robots.txt') ?? '';
		for (const locale of locales) expect(robots).toContain(`Disallow: /${locale}/search`);
		expect(robots).toContain(`Sitemap: ${url('/sitemap.xml')}`);
	});
});
