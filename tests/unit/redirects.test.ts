import { describe, expect, it } from 'vitest';
import { parseArticleText, type ArticleSource } from '../../src/content-checks/read-content';
import { articleRedirects, buildRedirectMap, contentRedirects } from '../../src/seo/redirect-map';
import { findRedirect, redirectKey } from '../../src/worker/redirects';

function source(locale: string, category: string, slug: string, frontmatter: string): ArticleSource {
	const text = `---\ntitle: A title long enough\ndescription: ${'A description that is long enough to pass the schema. '.repeat(2)}\nupdated: 2026-10-12\n${frontmatter}\n---\nBody.\n`;
	return { file: `content/${locale}/${category}/${slug}.mdx`, locale, category, slug, extension: 'mdx', ...parseArticleText(text) };
}

describe('redirectKey', () => {
	it('ignores a trailing slash, letter case and percent-encoding', () => {
		expect(redirectKey('/EN/Sizing/')).toBe('/en/sizing');
		expect(redirectKey('/fr/r%C3%A9ductions')).toBe('/fr/réductions');
		expect(redirectKey('/')).toBe('/');
	});

	it('drops the title after the number of a Zendesk Guide address, with or without its locale', () => {
		expect(redirectKey('/hc/en-us/articles/360004187912-What-is-your-return-policy-')).toBe('/hc/en-us/articles/360004187912');
		expect(redirectKey('/hc/fr/sections/201-Livraison')).toBe('/hc/fr/sections/201');
		expect(redirectKey('/hc/articles/42')).toBe('/hc/articles/42');
		expect(redirectKey('/hc/en-us/articles/abc-not-a-number')).toBe('/hc/en-us/articles/abc-not-a-number');
	});

	it('survives a malformed escape', () => {
		expect(redirectKey('/en/%E0%A4%A')).toBe('/en/%e0%a4%a');
	});
});

describe('the redirect map', () => {
	const sources = [
		source('en', 'products-sizing', 'size-guide', 'redirectFrom: [/en/sizing, /hc/en-us/articles/123]'),
		source('fr', 'products-sizing', 'guide-des-tailles', 'redirectFrom: [/fr/Tailles/]'),
		source('en', 'shipping', 'gift-wrapping', 'redirectFrom: [/en/gifts]\ndraft: true'),
		source('en', 'shipping', 'broken', 'redirectFrom: /not/a/list'),
	];
	const map = buildRedirectMap(articleRedirects(sources));

	it('sends each old address of a published article to the article, and nothing for drafts or invalid files', () => {
		expect(map).toEqual({
			'/en/sizing': '/en/products-sizing/size-guide',
			'/hc/en-us/articles/123': '/en/products-sizing/size-guide',
			'/fr/tailles': '/fr/products-sizing/guide-des-tailles',
		});
	});

	it('finds the new address of an old one, keeping the query string', () => {
		expect(findRedirect(map, new URL('https://help.test/en/sizing?utm_source=mail'))).toBe('/en/products-sizing/size-guide?utm_source=mail');
		expect(findRedirect(map, new URL('https://help.test/hc/en-us/articles/123-Size-guide'))).toBe('/en/products-sizing/size-guide');
		expect(findRedirect(map, new URL('https://help.test/en/gifts'))).toBeUndefined();
		expect(findRedirect(map, new URL('https://help.test/en/products-sizing/size-guide'))).toBeUndefined();
	});
});

describe('the redirect map of categories, groups and the redirects file', () => {
	const yaml = (file: string, data: unknown) => ({ file, data, keyLines: new Map<string, number>() });
	const map = buildRedirectMap(
		contentRedirects({
			articles: [],
			categories: [
				{ ...yaml('content/en/shipping/_category.yaml', { title: 'Shipping', description: 'Where we deliver.', group: 'orders', redirectFrom: ['/hc/en-us/sections/201'] }), locale: 'en', id: 'shipping' },
				{ ...yaml('content/fr/shipping/_category.yaml', { title: 'Livraison', description: 'Où nous livrons.', redirectFrom: ['/hc/fr/sections/201'] }), locale: 'fr', id: 'shipping' },
			],
			groups: [
				{ ...yaml('content/en/_groups.yaml', { orders: { title: 'Orders', redirectFrom: ['/hc/en-us/categories/101'] } }), locale: 'en' },
			],
			redirects: yaml('content/redirects.yaml', { '/old-faq': '/en/shipping', '/Blog/Returns/': 'https://shop.example/pages/returns?from=help' }),
		}),
	);

	it('sends a Zendesk section to its category page and a Zendesk category to its group on the home page, whatever their slug', () => {
		expect(findRedirect(map, new URL('https://help.test/hc/en-us/sections/201-Shipping'))).toBe('/en/shipping');
		expect(findRedirect(map, new URL('https://help.test/hc/fr/sections/201'))).toBe('/fr/shipping');
		expect(findRedirect(map, new URL('https://help.test/hc/en-us/categories/101-Orders-delivery'))).toBe('/en#orders');
	});

	it('keeps the query string before the anchor, and after the query of an external target', () => {
		expect(findRedirect(map, new URL('https://help.test/hc/en-us/categories/101?utm_source=mail'))).toBe('/en?utm_source=mail#orders');
		expect(findRedirect(map, new URL('https://help.test/old-faq'))).toBe('/en/shipping');
		expect(findRedirect(map, new URL('https://help.test/blog/returns?ref=x'))).toBe('https://shop.example/pages/returns?from=help&ref=x');
	});
});
