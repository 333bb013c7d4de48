import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const origin = 'https://help.test';
const get = (path: string) => exports.default.fetch(new Request(`${origin}${path}`, { redirect: 'manual' }));

// The articles as written, read here without the build's code: every old address they list must answer.
const files = import.meta.glob<string>('../../content/*/*/*.{md,mdx}', { query: '?raw', import: 'default', eager: true });
const articles = Object.entries(files).map(([file, text]) => {
	const [, locale = '', category = '', slug = ''] = /content\/([^/]+)\/([^/]+)\/([^/]+)\.mdx?$/.exec(file) ?? [];
	const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { redirectFrom?: string[]; draft?: boolean };
	return { path: `/${locale}/${category}/${slug}`, redirectFrom: frontmatter.redirectFrom ?? [], draft: frontmatter.draft === true };
});
const published = articles.filter((article) => !article.draft && article.redirectFrom.length > 0);
const drafts = articles.filter((article) => article.draft && article.redirectFrom.length > 0);

describe('old addresses (redirectFrom)', () => {
	it('are listed by published articles of both locales and by a draft', () => {
		expect(published.some((article) => article.path.startsWith('/en/'))).toBe(true);
		expect(published.some((article) => article.path.startsWith('/fr/'))).toBe(true);
		expect(drafts.length).toBeGreaterThan(0);
	});

	it('answer 301 with the article’s address, from the Worker', async () => {
		for (const article of published) {
			for (const old of article.redirectFrom) {
				const response = await get(old);
				expect({ old, status: response.status, location: response.headers.get('Location') }).toEqual({
					old,
					status: 301,
					location: article.path,
				});
			}
		}
	});

	it('keep the query string and ignore a trailing slash and letter case', async () => {
		const response = await get('/EN/Sizing/?utm_source=newsletter');
		expect(response.status).toBe(301);
		expect(response.headers.get('Location')).toBe('/en/products-sizing/size-guide?utm_source=newsletter');
	});

	it('match Zendesk Guide addresses whatever title follows the article number', async () => {
		const response = await get('/hc/en-us/articles/360004187912-What-is-your-return-policy-');
		expect(response.status).toBe(301);
		expect(response.headers.get('Location')).toBe('/en/returns-refunds/return-policy');
		const french = await get('/hc/fr/articles/360004187912-Quelle-est-votre-politique-de-retour');
		expect(french.headers.get('Location')).toBe('/fr/returns-refunds/politique-de-retour');
	});

	it('lead nowhere for drafts: their old addresses stay 404 until they are published', async () => {
		for (const draft of drafts) {
			for (const old of draft.redirectFrom) expect((await get(old)).status, old).toBe(404);
		}
	});
});
