import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config/read-site-config';
import { translate } from '../../src/i18n/translate';
import { clientDir } from '../support/built-site';
import { pageWeightBudgets } from '../support/page-weight-budgets';

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
const loader = readFileSync(join(clientDir, 'widget.js'), 'utf8');
const locales = readSiteConfig(new URL('../../', import.meta.url)).locales.map((locale) => locale.code);
/** The panels widget.js imports, per locale, as it names them. */
const panelPaths = Object.fromEntries(locales.map((locale) => [locale, new RegExp(`"(widget/panel-${locale}\\.[0-9a-f]{10}\\.js)"`).exec(loader)?.[1]]));
const panel = (locale: string) => readFileSync(join(clientDir, panelPaths[locale] ?? 'missing'), 'utf8');

describe('the storefront widget in the built site (dist/client)', () => {
	it(`keeps widget.js, on every page of the shop, within ${pageWeightBudgets.widgetLoader} bytes gzipped`, () => {
		const size = gzipped(loader);
		expect(size).toBeLessThanOrEqual(pageWeightBudgets.widgetLoader);
		// The loader draws the launcher only: none of the panel's code or strings.
		expect(loader).not.toContain(translate('en', 'widget.title'));
		expect(size).toBeGreaterThan(500);
	});

	it(`keeps each locale's panel within ${pageWeightBudgets.widgetPanel} bytes gzipped`, () => {
		for (const locale of locales) {
			expect(panelPaths[locale], locale).toBeDefined();
			expect(gzipped(panel(locale)), locale).toBeLessThanOrEqual(pageWeightBudgets.widgetPanel);
		}
	});

	it('builds one panel per locale, with its own strings only and no validation library', () => {
		for (const locale of locales) {
			const code = panel(locale);
			expect(code, locale).toContain(translate(locale, 'widget.title'));
			for (const other of locales.filter((each) => translate(each, 'widget.title') !== translate(locale, 'widget.title'))) {
				expect(code, `${locale} panel holds the ${other} strings`).not.toContain(translate(other, 'widget.title'));
			}
			expect(code).not.toMatch(/ZodError|\$ZodType/);
		}
	});

	it('names each panel by its content, and keeps no panel widget.js does not load', () => {
		for (const locale of locales) {
			const hash = /\.([0-9a-f]{10})\.js$/.exec(panelPaths[locale] ?? '')?.[1];
			expect(createHash('sha256').update(panel(locale)).digest('hex').slice(0, 10)).toBe(hash);
		}
		expect(readdirSync(join(clientDir, 'widget')).map((name) => `widget/${name}`).sort()).toEqual(Object.values(panelPaths).sort());
		expect(existsSync(join(clientDir, 'widget.js'))).toBe(true);
	});

	it('serves the loader for five minutes and the panels for a year, and them and the brand’s fonts to any origin (_headers)', () => {
		const headers = readFileSync(join(clientDir, '_headers'), 'utf8');
		const rule = (path: string) => new RegExp(`^${path.replace(/[.*]/g, '\\$&')}\\n((?:  .+\\n?)+)`, 'm').exec(headers)?.[1] ?? '';
		expect(rule('/widget.js')).toContain('Cache-Control: public, max-age=300\n');
		expect(rule('/widget/*')).toContain('Cache-Control: public, max-age=31536000, immutable\n');
		const fonts = readSiteConfig(new URL('../../', import.meta.url)).brand.fonts.files.map((font) => font.file);
		expect(fonts.length).toBeGreaterThan(0);
		for (const path of ['/widget.js', '/widget/*', ...fonts]) {
			expect(rule(path)).toContain('Access-Control-Allow-Origin: *\n');
			expect(rule(path)).toContain('Cross-Origin-Resource-Policy: cross-origin');
		}
	});
});
