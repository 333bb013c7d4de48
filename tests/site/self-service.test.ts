import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageWeightBudgets } from '../support/page-weight-budgets';
import { homeUrl, selfServicePages, selfServiceUrl } from '../../src/config/page-urls';
import { site } from '../../src/config/site';
import { builtPages, clientDir, loadDocument } from '../support/built-site';

const pages = builtPages();
const documentOf = (path: string) => {
	const file = pages.get(path);
	if (!file) throw new Error(`${path} was not built`);
	return loadDocument(file);
};
const locales = site.locales.map((locale) => locale.code);
const selfServicePaths = locales.flatMap((locale) => selfServicePages.map((page) => selfServiceUrl(locale, page)));
const lookupArticles = [
	'/en/orders-tracking/track-your-order',
	'/en/orders-tracking/where-is-my-order',
	'/fr/orders-tracking/suivre-ma-commande',
	'/fr/orders-tracking/ou-est-ma-commande',
];

/** Every module a script file imports, statically or lazily, itself included (paths inside dist/client). */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const code = readFileSync(file, 'utf8');
	for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+|\/_astro\/[^"'`]+)["'`]/g)) {
		const specifier = match[1] ?? '';
		const target = specifier.startsWith('/') ? join(clientDir, specifier) : resolve(dirname(file), specifier);
		if (existsSync(target)) moduleGraph(target, seen);
	}
	return seen;
}

/** The JavaScript a page makes the browser download, each file gzipped on its own as it travels. */
function pageJavaScript(path: string): { bytes: number; modules: number } {
	const document = documentOf(path);
	let bytes = 0;
	const files = new Set<string>();
	for (const script of document.querySelectorAll('script')) {
		const type = script.getAttribute('type') ?? '';
		if (type.includes('json')) continue;
		const src = script.getAttribute('src');
		if (!src) bytes += gzipSync(script.textContent ?? '', { level: 9 }).length;
		else if (src.startsWith('/')) for (const file of moduleGraph(join(clientDir, src))) files.add(file);
	}
	for (const file of files) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
	return { bytes, modules: files.size };
}

describe('the self-service pages', () => {
	it('are built in every locale, each linking to its translation', () => {
		expect(selfServicePaths).toEqual(
			expect.arrayContaining(['/en/track', '/en/return', '/en/change-address', '/en/contact', '/fr/suivi', '/fr/retour', '/fr/changer-adresse', '/fr/contact']),
		);
		for (const page of selfServicePages) {
			for (const locale of locales) {
				const document = documentOf(selfServiceUrl(locale, page));
				expect(document.documentElement.getAttribute('lang')).toBe(locale);
				for (const other of locales) {
					const link = document.querySelector(`.language-switcher a[hreflang="${other}"]`);
					expect(link?.getAttribute('href'), `${page} ${locale} → ${other}`).toBe(selfServiceUrl(other, page));
				}
			}
		}
	});

	it('are linked from the home page and from the footer of every page', () => {
		for (const locale of locales) {
			const home = [...documentOf(homeUrl(locale)).querySelectorAll('main a')].map((link) => link.getAttribute('href'));
			for (const page of selfServicePages) expect(home, `/${locale} → ${page}`).toContain(selfServiceUrl(locale, page));
		}
		for (const [path] of pages) {
			const locale = path.split('/')[1] ?? '';
			if (!locales.includes(locale)) continue;
			const footer = [...documentOf(path).querySelectorAll('.site-footer a')].map((link) => link.getAttribute('href'));
			for (const page of selfServicePages) expect(footer, `${path} footer → ${page}`).toContain(selfServiceUrl(locale, page));
		}
	});

	it('embed the order lookup in the tracking articles of both languages', () => {
		for (const path of lookupArticles) {
			const lookup = documentOf(path).querySelector('hc-order-lookup');
			expect(lookup, path).not.toBeNull();
			expect(lookup?.querySelector('form[data-lookup-form] input[name="orderNumber"]'), path).not.toBeNull();
			expect(lookup?.getAttribute('data-return-url'), path).toBe(selfServiceUrl(path.split('/')[1] ?? '', 'return'));
		}
	});

	it('label every field, in the page’s language', () => {
		for (const path of [...selfServicePaths, ...lookupArticles]) {
			const document = documentOf(path);
			const fields = [...document.querySelectorAll('.self-service input, .self-service select, .self-service textarea')];
			expect(fields.length, path).toBeGreaterThan(0);
			for (const field of fields) {
				const label = document.querySelector(`label[for="${field.getAttribute('id')}"]`);
				expect(label?.textContent?.trim(), `${path} #${field.getAttribute('id')}`).toBeTruthy();
			}
		}
		expect(documentOf('/fr/contact').querySelector('label[for="contact-subject"]')?.textContent).toBe('Objet');
	});

	it('offer the contact e-mail instead of a dead form when JavaScript is off', () => {
		for (const path of [...selfServicePaths, ...lookupArticles]) {
			const document = documentOf(path);
			const notice = document.querySelector('.self-service .nojs-notice');
			expect(notice?.querySelector(`a[href="mailto:${site.contact.email}"]`), path).not.toBeNull();
			const css = [...document.querySelectorAll('style')].map((style) => style.textContent).join('');
			expect(css, path).toMatch(/@media \(scripting:none\)\{\.self-service \.nojs-notice\{display:block\}\.self-service \.ss-app\{display:none\}\}/);
		}
	});

	it('load no Turnstile script while the site config does not enable it', () => {
		expect(site.turnstile).toBeUndefined();
		for (const [path, file] of pages) expect(readFileSync(file, 'utf8'), path).not.toContain('challenges.cloudflare.com');
	});
});

describe('the JavaScript budget', () => {
	it('keeps every page within the JavaScript budget (20 KB compressed)', () => {
		const sizes = [...pages.keys()].map((path) => ({ path, ...pageJavaScript(path) }));
		const over = sizes.filter((size) => size.bytes > pageWeightBudgets.javaScriptPerPage);
		expect(over).toEqual([]);
		// The check measures real islands: each self-service page loads its modules.
		for (const path of [...selfServicePaths, ...lookupArticles]) {
			const size = sizes.find((candidate) => candidate.path === path);
			expect(size?.modules, path).toBeGreaterThan(0);
			expect(size?.bytes, path).toBeGreaterThan(2_000);
		}
	});
});

describe('the contact form’s suggested articles', () => {
	it('come from the site search, with "This answered my question" under each, and no second index', () => {
		for (const locale of locales) {
			const list = documentOf(selfServiceUrl(locale, 'contact')).querySelector('[data-suggested-articles]');
			expect(list?.getAttribute('data-for'), locale).toBe('contact-subject');
			expect(list?.hasAttribute('data-confirm'), locale).toBe(true);
			expect(existsSync(join(clientDir, locale, 'article-index.json')), locale).toBe(false);
		}
	});
});
