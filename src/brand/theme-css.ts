import type { SiteConfig, ThemeColors } from '../schemas/site-config';

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

/**
 * CSS custom properties for the brand. Dark applies when the shopper chose it, or when the system prefers it
 * and the shopper did not choose light.
 */
export function themeCss(brand: SiteConfig['brand']): string {
	const light = declarations(brand.colors.light);
	const dark = declarations(brand.colors.dark);
	const fonts = `--font-body:${brand.fonts.body};--font-heading:${brand.fonts.heading}`;
	return [
		`:root{color-scheme:light;${light};${fonts}}`,
		`:root[data-theme=dark]{color-scheme:dark;${dark}}`,
		`@media (prefers-color-scheme:dark){:root:not([data-theme=light]){color-scheme:dark;${dark}}}`,
	].join('');
}
