import { firstFontFamily, type SiteConfig, type ThemeColors } from '../schemas/site-config';

function declarations(colors: ThemeColors): string {
	return [
		`--color-background:${colors.background}`,
		`--color-surface:${colors.surface}`,
		`--color-text:${colors.text}`,
		`--color-muted:${colors.muted}`,
		`--color-primary:${colors.primary}`,
		`--color-on-primary:${colors.onPrimary}`,
		`--color-border:${colors.border}`,
	].join(';');
}

/** An @font-face rule for each web font of the brand: shown in a fallback font until it arrives (swap). */
export function fontFaceCss(brand: SiteConfig['brand']): string {
	return brand.fonts.files
		.map((font) => `@font-face{font-family:"${font.family}";src:url(${font.file}) format("woff2");font-weight:${font.weight};font-style:${font.style};font-display:swap}`)
		.join('');
}

/** The font files to preload: the upright files of the body font, which nearly every line of text is set in. */
export function preloadedFonts(brand: SiteConfig['brand']): string[] {
	const body = firstFontFamily(brand.fonts.body);
	return brand.fonts.files.filter((font) => font.family === body && font.style === 'normal').map((font) => font.file);
}

/**
 * CSS custom properties for the brand. Dark applies when the shopper chose it, or when the system prefers it
 * and the shopper did not choose light.
 */
export function themeCss(brand: SiteConfig['brand']): string {
	const light = declarations(brand.colors.light);
	const dark = declarations(brand.colors.dark);
	const fonts = `--font-body:${brand.fonts.body};--font-heading:${brand.fonts.heading}`;
	return [
		fontFaceCss(brand),
		`:root{color-scheme:light;${light};${fonts}}`,
		`:root[data-theme=dark]{color-scheme:dark;${dark}}`,
		`@media (prefers-color-scheme:dark){:root:not([data-theme=light]){color-scheme:dark;${dark}}}`,
	].join('');
}
