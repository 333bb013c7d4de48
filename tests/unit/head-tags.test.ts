import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';
import { hreflangLinks, ogLocale, textDirection } from '../../src/seo/head-tags';
import { pagePath } from '../../src/seo/urls';

const url = (path: string) => new URL(path, site.siteUrl).href;

describe('hreflangLinks', () => {
	it('lists every translation and x-default, the default locale’s version', () => {
		expect(hreflangLinks([{ locale: 'en', url: '/en/a' }, { locale: 'fr', url: '/fr/b' }], 'en')).toEqual([
			{ hreflang: 'en', href: url('/en/a') },
			{ hreflang: 'fr', href: url('/fr/b') },
			{ hreflang: 'x-default', href: url('/en/a') },
		]);
	});

	it('leaves out fallback pages, and falls back to the only version when the default locale has none', () => {
		expect(hreflangLinks([{ locale: 'en', url: '/en/a' }, { locale: 'fr', url: '/fr/a', isFallback: true }], 'en')).toEqual([
			{ hreflang: 'en', href: url('/en/a') },
			{ hreflang: 'x-default', href: url('/en/a') },
		]);
		expect(hreflangLinks([{ locale: 'fr', url: '/fr/seul' }], 'en')).toEqual([
			{ hreflang: 'fr', href: url('/fr/seul') },
			{ hreflang: 'x-default', href: url('/fr/seul') },
		]);
		expect(hreflangLinks([], 'en')).toEqual([]);
	});
});

describe('locale helpers', () => {
	it('writes Open Graph locales with their likeliest territory', () => {
		expect(['en', 'fr', 'pt-BR', 'de'].map(ogLocale)).toEqual(['en_US', 'fr_FR', 'pt_BR', 'de_DE']);
	});

	it('knows which languages are written right to left', () => {
		expect(['en', 'fr', 'ar', 'he'].map(textDirection)).toEqual(['ltr', 'ltr', 'rtl', 'rtl']);
	});

	it('gives the address of a prerendered page without its .html', () => {
		expect(pagePath('/en/shipping.html')).toBe('/en/shipping');
		expect(pagePath('/en')).toBe('/en');
		expect(pagePath('/en/')).toBe('/en');
	});
});
