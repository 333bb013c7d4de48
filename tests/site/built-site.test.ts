import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countOutputFiles } from '../../scripts/lib/asset-limits';
import { translate } from '../../src/i18n/translate';
import { builtPages, clientDir, loadDocument } from '../support/built-site';
import { validateHtml } from '../support/validators/html-validity';
import { findBrokenLinks } from '../support/validators/links';
import { openSite } from '../support/validators/site';
import { searchPackProblems } from '../support/validators/whole-site';

const pages = builtPages();
const htmlOf = (path: string) => {
	const file = pages.get(path);
	if (!file) throw new Error(`${path} was not built`);
	return readFileSync(file, 'utf8');
};
const documentOf = (path: string) => loadDocument(pages.get(path) ?? '');
const articlePaths = [...pages.keys()].filter((path) => path.split('/').length === 4 && !path.endsWith('/404'));

describe('the built help center', () => {
	it('builds both locales with at least 30 articles each', () => {
		expect(articlePaths.filter((path) => path.startsWith('/en/')).length).toBeGreaterThanOrEqual(30);
		expect(articlePaths.filter((path) => path.startsWith('/fr/')).length).toBeGreaterThanOrEqual(30);
	});

	it('packs Markdown twins and search fragments instead of adding two files per article', () => {
		const files = countOutputFiles(clientDir);
		const articles = articlePaths.length;
		// One HTML file per page, and a bounded number of packs whatever the number of articles.
		expect(files.markdown).toBeLessThanOrEqual(Math.min(articles, 2 * 256));
		expect(files.total).toBeLessThan(files.html + files.markdown + 2 * 256 + 200);
		expect(existsSync(join(clientDir, 'pagefind/fragment'))).toBe(false);
		expect(searchPackProblems(openSite())).toEqual([]);
	});

	it('is valid HTML according to the Nu HTML Checker', () => {
		expect(validateHtml(clientDir)).toEqual([]);
	});

	it('has no broken internal link or anchor, in the pages or in the Markdown and text files for agents', () => {
		expect(findBrokenLinks(openSite())).toEqual([]);
	});

	it('reaches every page of both locales by following links from the home page', () => {
		const seen = new Set<string>();
		const queue = ['/en'];
		while (queue.length > 0) {
			const path = queue.shift() ?? '';
			if (seen.has(path)) continue;
			seen.add(path);
			for (const link of documentOf(path).querySelectorAll('a[href^="/"]')) {
				const next = new URL(link.getAttribute('href') ?? '', 'https://site.test').pathname;
				if (pages.has(next) && !seen.has(next)) queue.push(next);
			}
		}
		// Search pages are reached through the search form, not links.
		const unreachable = [...pages.keys()].filter((path) => !seen.has(path) && !/(^|\/)(404|search)$/.test(path));
		expect(unreachable).toEqual([]);
	});

	it('links each article to its translation, both ways, with the right lang', () => {
		for (const path of articlePaths) {
			const document = documentOf(path);
			const locale = document.documentElement.getAttribute('lang');
			expect(path.startsWith(`/${locale}/`), path).toBe(true);
			for (const link of document.querySelectorAll('.language-switcher a[hreflang]')) {
				const target = link.getAttribute('href') ?? '';
				const targetLocale = link.getAttribute('hreflang') ?? '';
				const other = documentOf(target);
				expect(other.documentElement.getAttribute('lang'), `${path} → ${target}`).toBe(targetLocale);
				const back = other.querySelector(`.language-switcher a[hreflang="${locale}"]`)?.getAttribute('href');
				expect(back, `${target} should link back to ${path}`).toBe(path);
			}
		}
	});

	it('shows the missing-translation notice on, and only on, fallback pages', () => {
		const fallback = documentOf('/fr/products-sizing/restock-notifications');
		const notice = fallback.querySelector('.notice[role="note"]');
		// Language names inside a sentence are words of the page's language: lowercase in French.
		expect(notice?.textContent?.trim()).toBe('Cet article n’est pas encore disponible en français. Vous lisez la version en anglais.');
		expect(fallback.querySelector('article')?.getAttribute('lang')).toBe('en');
		const withNotice = articlePaths.filter((path) => documentOf(path).querySelector('.notice[role="note"]'));
		expect(withNotice).toEqual(['/fr/products-sizing/restock-notifications']);
	});

	it('offers to search in the other language in a sentence of the page’s language', () => {
		const sentences = { en: '“returns” in the French help center', fr: '« returns » dans le centre d’aide en anglais' };
		for (const [locale, expected] of Object.entries(sentences)) {
			const others = documentOf(`/${locale}/search`).querySelector('[data-search-form]')?.getAttribute('data-other-languages') ?? '';
			const [, language = ''] = others.split(':');
			expect(translate(locale, 'search.otherLanguage', { query: 'returns', language })).toBe(expected);
		}
	});

	it('sends each article in one first round trip: ≤ 14,600 bytes gzipped, all CSS inline, no blocking script', () => {
		for (const path of articlePaths) {
			const html = htmlOf(path);
			expect(gzipSync(html, { level: 9 }).length, path).toBeLessThanOrEqual(14_600);
			const document = documentOf(path);
			expect(document.querySelectorAll('link[rel="stylesheet"]').length, path).toBe(0);
			const blocking = [...document.querySelectorAll('script[src]')].filter(
				(script) => !script.hasAttribute('async') && !script.hasAttribute('defer') && script.getAttribute('type') !== 'module',
			);
			expect(blocking.length, path).toBe(0);
		}
	});

	it('needs no JavaScript to read: the article text is in the HTML', () => {
		const html = htmlOf('/en/returns-refunds/return-policy');
		expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
		expect(html).toContain('30');
	});
});
