import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { homeUrl, selfServiceUrl } from '../../config/page-urls.ts';
import en from '../../i18n/en.json' with { type: 'json' };
import { translate, type UiKey } from '../../i18n/translate.ts';
import type { SiteConfig, ThemeColors } from '../../schemas/site-config.ts';
import { widgetFontList, type WidgetFont } from '../brand-fonts.ts';

/** Where widget.js is published (the address shops write in their pages), and the folder of the panels. */
export const loaderPath = 'widget.js';
export const panelFolder = 'widget';

/** The UI strings the panel uses; only these, in its own locale, are built into it. */
const panelStringPrefixes = ['widget.', 'form.', 'lookup.', 'order.', 'contactForm.', 'selfService.track.title', 'selfService.contact.title'];

/**
 * Browsers with everything the widget relies on: `<dialog>` and showModal, dynamic import from a classic script,
 * shadow roots. Anything newer is written as it is; older syntax is not needed.
 */
const target = ['chrome96', 'edge96', 'firefox98', 'safari15.4'];

export interface WidgetFile {
	/** The file's path under dist/client, with `/` separators. */
	path: string;
	contents: string;
}

export interface BuiltWidget {
	loader: WidgetFile;
	/** Per locale, its panel. */
	panels: Record<string, WidgetFile>;
}

function themeDeclarations(colors: ThemeColors, error: string): string {
	const properties = {
		background: colors.background,
		surface: colors.surface,
		text: colors.text,
		muted: colors.muted,
		primary: colors.primary,
		'on-primary': colors.onPrimary,
		border: colors.border,
		error,
	};
	return Object.entries(properties)
		.map(([name, value]) => `--hc-${name}:${value}!important`)
		.join(';');
}

/**
 * The brand's colours and fonts as the --hc-* properties of the widget's host, light and dark after the shopper's
 * system (the shop's own theme switch is the shop's: the widget cannot know it). !important, like the host's reset.
 * The error colours are the self-service forms' (src/styles/self-service.css).
 */
export function widgetThemeCss(brand: SiteConfig['brand']): string {
	const list = (fonts: string) => widgetFontList(fonts, brand.fonts.files);
	const fonts = `--hc-font-body:${list(brand.fonts.body)}!important;--hc-font-heading:${list(brand.fonts.heading)}!important`;
	return [
		`:host{color-scheme:light!important;${themeDeclarations(brand.colors.light, '#b3261e')};${fonts}}`,
		`@media (prefers-color-scheme:dark){:host{color-scheme:dark!important;${themeDeclarations(brand.colors.dark, '#ffb4ab')}}}`,
	].join('');
}

async function minifiedCss(file: string): Promise<string> {
	const { code } = await transform(await readFile(file, 'utf8'), { loader: 'css', minify: true, target });
	return code.trim();
}

/** The `virtual:help-center-widget/*` modules, each an ES module exporting `values`. */
function virtualModules(modules: Record<string, Record<string, unknown>>): Plugin {
	return {
		name: 'help-center-widget',
		setup(context) {
			context.onResolve({ filter: /^virtual:help-center-widget\// }, (args) => ({ path: args.path, namespace: 'help-center-widget' }));
			context.onLoad({ filter: /.*/, namespace: 'help-center-widget' }, (args) => {
				const values = modules[args.path];
				if (!values) throw new Error(`No build-time module ${args.path}`);
				return { contents: Object.entries(values).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`).join('\n'), loader: 'js' };
			});
		},
	};
}

async function bundle(entry: string, format: 'esm' | 'iife', modules: Record<string, Record<string, unknown>>): Promise<string> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		format,
		minify: true,
		target,
		write: false,
		charset: 'utf8',
		legalComments: 'none',
		plugins: [virtualModules(modules)],
		logLevel: 'silent',
	});
	const [output] = result.outputFiles;
	if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
	return output.text;
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * Builds the storefront widget from the project at `root`: widget.js, the loader (one file for every locale, with
 * the launcher's label in each and the address of each locale's panel), and one panel per locale, named by its
 * content's hash so it can be cached for a year. Each panel carries its locale's strings: no second request before
 * it can draw, and nothing of the other languages.
 */
export async function buildWidget(root: string, site: SiteConfig): Promise<BuiltWidget> {
	const locales = site.locales.map((locale) => locale.code);
	const keys = (Object.keys(en) as UiKey[]).filter((key) => panelStringPrefixes.some((prefix) => key.startsWith(prefix)));
	const [launcherCss, panelCss] = await Promise.all([minifiedCss(join(root, 'src/widget/launcher.css')), minifiedCss(join(root, 'src/widget/panel/panel.css'))]);

	const panels: Record<string, WidgetFile> = {};
	for (const locale of locales) {
		const contents = await bundle(join(root, 'src/widget/panel/panel.ts'), 'esm', {
			'virtual:help-center-widget/panel': {
				locale,
				strings: Object.fromEntries(keys.map((key) => [key, translate(locale, key)])),
				pages: {
					home: homeUrl(locale),
					track: selfServiceUrl(locale, 'track'),
					return: selfServiceUrl(locale, 'return'),
					address: selfServiceUrl(locale, 'address'),
					contact: selfServiceUrl(locale, 'contact'),
				},
				brandName: site.brand.name,
				fonts: site.brand.fonts.files.map((font): WidgetFont => ({ family: font.family, file: font.file, weight: String(font.weight), style: font.style })),
				forms: site.turnstile === undefined,
				answers: site.answers.enabled,
				replyWithinHours: site.contact.replyWithinHours,
				contactHours: site.contact.hours[locale] ?? '',
				css: panelCss,
			},
		});
		panels[locale] = { path: `${panelFolder}/panel-${locale}.${contentHash(contents)}.js`, contents };
	}

	const perLocale = <T>(value: (locale: string) => T) => Object.fromEntries(locales.map((locale) => [locale, value(locale)]));
	const loader = await bundle(join(root, 'src/widget/loader.ts'), 'iife', {
		'virtual:help-center-widget/loader': {
			panels: perLocale((locale) => panels[locale]?.path),
			labels: perLocale((locale) => translate(locale, 'widget.launcher')),
			homes: perLocale(homeUrl),
			defaultLocale: site.defaultLocale,
			css: widgetThemeCss(site.brand) + launcherCss,
		},
	});
	return { loader: { path: loaderPath, contents: loader }, panels };
}

/**
 * The `_headers` rules of the widget's files and the brand's fonts. All are fetched from shops' pages: CORS for the panel, which the loader
 * imports as a module (and for widget.js, should a shop add `crossorigin`), and a Cross-Origin-Resource-Policy that
 * lets a shop with Cross-Origin-Embedder-Policy load them. widget.js keeps its address, so browsers and CDNs check it
 * again after five minutes, and a new deploy reaches shoppers within five minutes; the panels never change.
 */
export function widgetHeaderRules(brand: SiteConfig['brand']): string {
	const shared = ['  Access-Control-Allow-Origin: *', '  Cross-Origin-Resource-Policy: cross-origin'];
	return [
		'# The storefront widget (src/integrations/widget.ts), loaded by shops\u2019 pages.',
		`/${loaderPath}`,
		'  Cache-Control: public, max-age=300',
		...shared,
		`/${panelFolder}/*`,
		'  Cache-Control: public, max-age=31536000, immutable',
		...shared,
		// The brand's fonts, which the panel loads on the shop's page: a font from another origin needs CORS.
		...brand.fonts.files.flatMap((font) => [font.file, ...shared]),
	].join('\n');
}
