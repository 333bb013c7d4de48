import { describe, expect, it } from 'vitest';
import {
	articleUrl,
	articleUrlOfMarkdown,
	categoryUrl,
	homeUrl,
	localeOfUrl,
	markdownUrl,
	searchUrl,
	selfServiceUrl,
	selfServiceUrls,
} from '../../src/config/page-urls';

describe('page addresses', () => {
	it('put every page under its locale', () => {
		expect(homeUrl('fr')).toBe('/fr');
		expect(categoryUrl('fr', 'shipping')).toBe('/fr/shipping');
		expect(articleUrl('fr', 'shipping', 'delais-de-livraison')).toBe('/fr/shipping/delais-de-livraison');
		expect(searchUrl('en')).toBe('/en/search');
	});

	it('name self-service pages in the language of their locale', () => {
		expect(selfServiceUrl('en', 'track')).toBe('/en/track');
		expect(selfServiceUrl('fr', 'track')).toBe('/fr/suivi');
		expect(selfServiceUrls(['en', 'fr'])).toHaveLength(8);
	});

	it('find the article behind a Markdown twin’s address, and nothing behind other addresses', () => {
		expect(articleUrlOfMarkdown(markdownUrl('/en/shipping/customs'))).toBe('/en/shipping/customs');
		expect(articleUrlOfMarkdown('/en/shipping.md')).toBeUndefined();
		expect(articleUrlOfMarkdown('/en/shipping/customs')).toBeUndefined();
	});

	it('read the locale from the first segment', () => {
		expect(localeOfUrl('/fr/suivi')).toBe('fr');
		expect(localeOfUrl('/')).toBe('');
	});
});
