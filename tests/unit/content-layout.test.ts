import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { articleFile, articleFilePattern, articleLocales, categoryFile, parseContentPath } from '../../src/config/content-layout';

describe('articleFilePattern', () => {
	it('means the same to the matcher that follows `astro dev`’s file events as to the one that finds the files', () => {
		// Astro's glob loader matches each saved file with picomatch; a pattern it reads otherwise drops every edit.
		const picomatch = createRequire(import.meta.url)('picomatch') as { isMatch(path: string, pattern: string): boolean };
		for (const file of ['en/shipping/customs.md', 'fr/shipping/delais-de-livraison.mdx']) expect(picomatch.isMatch(file, articleFilePattern)).toBe(true);
		for (const file of ['en/shipping/_notes.md', 'en/shipping/_category.yaml', 'en/customs.md']) expect(picomatch.isMatch(file, articleFilePattern)).toBe(false);
	});
});

describe('parseContentPath', () => {
	it('reads an article’s locale, category, slug and extension from its place', () => {
		expect(parseContentPath('content/fr/shipping/delais-de-livraison.mdx')).toEqual({
			kind: 'article',
			locale: 'fr',
			category: 'shipping',
			slug: 'delais-de-livraison',
			extension: 'mdx',
		});
		expect(parseContentPath('content/en/shipping/customs.md')).toMatchObject({ kind: 'article', slug: 'customs', extension: 'md' });
	});

	it('reads a category’s settings file', () => {
		expect(parseContentPath('content/en/shipping/_category.yaml')).toEqual({ kind: 'category', locale: 'en', category: 'shipping' });
	});

	it('calls an article or category file outside a <locale>/<category>/ folder misplaced', () => {
		expect(parseContentPath('content/en/customs.mdx')).toEqual({ kind: 'misplaced' });
		expect(parseContentPath('content/en/shipping/old/customs.md')).toEqual({ kind: 'misplaced' });
		expect(parseContentPath('content/en/_category.yaml')).toEqual({ kind: 'misplaced' });
	});

	it('reads a language’s groups and the redirects file', () => {
		expect(parseContentPath('content/fr/_groups.yaml')).toEqual({ kind: 'groups', locale: 'fr' });
		expect(parseContentPath('content/redirects.yaml')).toEqual({ kind: 'redirects' });
		expect(parseContentPath('content/en/shipping/_groups.yaml')).toBeUndefined();
	});

	it('ignores the site config, notes at the top, other files and files outside content/', () => {
		for (const file of ['content/site.yaml', 'content/README.md', 'content/en/shipping/notes.txt', 'public/en/shipping/customs.md']) {
			expect(parseContentPath(file), file).toBeUndefined();
		}
	});

	it('reads back the files articleFile and categoryFile name', () => {
		const place = { locale: 'en', category: 'returns', slug: 'refund-times' };
		expect(articleFile(place)).toBe('content/en/returns/refund-times.mdx');
		expect(parseContentPath(articleFile(place, 'md'))).toEqual({ kind: 'article', ...place, extension: 'md' });
		expect(parseContentPath(categoryFile('fr', 'returns'))).toEqual({ kind: 'category', locale: 'fr', category: 'returns' });
	});
});

describe('articleLocales', () => {
	const locales = ['en', 'fr', 'de'];

	it('shows an article of the default locale in every locale without its translation, as a fallback', () => {
		const translatedInFrench = (locale: string) => locale === 'fr';
		expect(articleLocales('en', translatedInFrench, locales, 'en')).toEqual([
			{ locale: 'en', isFallback: false },
			{ locale: 'de', isFallback: true },
		]);
	});

	it('shows a translation in its own locale only', () => {
		expect(articleLocales('fr', () => false, locales, 'en')).toEqual([{ locale: 'fr', isFallback: false }]);
	});
});
