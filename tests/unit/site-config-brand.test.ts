import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { fontFaceCss, preloadedFonts } from '../../src/brand/theme-css';
import { parseSiteConfig, SiteConfigError } from '../../src/config/parse-site-config';
import { missingBrandFiles } from '../../src/config/read-site-config';
import { widgetFontList } from '../../src/widget/brand-fonts';

const demo = parse(readFileSync('content/site.yaml', 'utf8')) as { brand: Record<string, unknown> & { fonts: Record<string, unknown> } };

/** The demo's site.yaml with `change` applied to its brand. */
function withBrand(change: (brand: typeof demo.brand) => void): string {
	const copy = structuredClone(demo);
	change(copy.brand);
	return stringify(copy);
}

const problems = (text: string) => {
	try {
		parseSiteConfig(text);
		return '';
	} catch (error) {
		if (!(error instanceof SiteConfigError)) throw error;
		return error.message;
	}
};

describe('brand fonts and style sheet in site.yaml', () => {
	it('declares each web font with swap and preloads the body font only', () => {
		const config = parseSiteConfig(
			withBrand((brand) => {
				brand.fonts = {
					body: '"Shop Sans", system-ui, sans-serif',
					heading: 'Shop Serif, Georgia, serif',
					files: [
						{ family: 'Shop Sans', file: '/fonts/shop-sans.woff2', weight: '300 800' },
						{ family: 'Shop Sans', file: '/fonts/shop-sans-italic.woff2', style: 'italic' },
						{ family: 'Shop Serif', file: '/fonts/shop-serif.woff2', weight: 700 },
					],
				};
			}),
		);
		expect(fontFaceCss(config.brand)).toBe(
			'@font-face{font-family:"Shop Sans";src:url(/fonts/shop-sans.woff2) format("woff2");font-weight:300 800;font-style:normal;font-display:swap}' +
				'@font-face{font-family:"Shop Sans";src:url(/fonts/shop-sans-italic.woff2) format("woff2");font-weight:400;font-style:italic;font-display:swap}' +
				'@font-face{font-family:"Shop Serif";src:url(/fonts/shop-serif.woff2) format("woff2");font-weight:700;font-style:normal;font-display:swap}',
		);
		expect(preloadedFonts(config.brand)).toEqual(['/fonts/shop-sans.woff2']);
	});

	it('says which font file no text would use, and which file is not WOFF2', () => {
		const message = problems(
			withBrand((brand) => {
				brand.fonts = { ...brand.fonts, files: [{ family: 'Shop Sans', file: '/fonts/shop-sans.ttf' }] };
			}),
		);
		expect(message).toContain('[brand.fonts.files.0.file]  Use a WOFF2 file');
		expect(message).toContain('[brand.fonts.files.0.family]  "Shop Sans" is not the first font of fonts.body or fonts.heading');
	});

	it('names the font file or style sheet that public/ lacks', () => {
		const config = parseSiteConfig(
			withBrand((brand) => {
				brand.css = '/brand/brand.css';
			}),
		);
		expect(missingBrandFiles(config, (path) => path === '/fonts/figtree-latin-wght.woff2')).toEqual([
			'content/site.yaml [brand.css]  public/brand/brand.css does not exist: add the file to public/, or correct the path.',
		]);
		expect(missingBrandFiles(config, () => false)[0]).toBe(
			'content/site.yaml [brand.fonts.files.0.file]  public/fonts/figtree-latin-wght.woff2 does not exist: add the file to public/, or correct the path.',
		);
		expect(problems(withBrand((brand) => (brand.css = 'brand.css')))).toContain('[brand.css]  Give a path inside public/');
	});
});

describe('the storefront widget’s fonts', () => {
	it('puts the widget’s own copy of a brand font right after it, before the fallbacks, and leaves other lists alone', () => {
		const files = [{ family: 'Figtree' }];
		expect(widgetFontList('Figtree, system-ui, sans-serif', files)).toBe('Figtree, "Figtree (help center)", system-ui, sans-serif');
		expect(widgetFontList('"Figtree", Arial', files)).toBe('"Figtree", "Figtree (help center)", Arial');
		expect(widgetFontList('ui-serif, Georgia, serif', files)).toBe('ui-serif, Georgia, serif');
	});
});
