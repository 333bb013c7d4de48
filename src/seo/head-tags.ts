import { absoluteUrl } from './urls';

/** A page in one locale; `isFallback` when it shows another locale's article because the translation is missing. */
export interface Alternate {
	locale: string;
	url: string;
	isFallback?: boolean;
}

export interface HreflangLink {
	hreflang: string;
	href: string;
}

/**
 * The `hreflang` alternates of a page, itself included, plus `x-default` (the default locale's version, or the
 * first one when that locale has none). Fallback pages are left out: they are not content in their language.
 */
export function hreflangLinks(alternates: Alternate[], defaultLocale: string): HreflangLink[] {
	const real = alternates.filter((alternate) => !alternate.isFallback);
	const fallbackTarget = real.find((alternate) => alternate.locale === defaultLocale) ?? real[0];
	if (!fallbackTarget) return [];
	return [
		...real.map((alternate) => ({ hreflang: alternate.locale, href: absoluteUrl(alternate.url) })),
		{ hreflang: 'x-default', href: absoluteUrl(fallbackTarget.url) },
	];
}

/** Open Graph wants `language_TERRITORY`: `fr` → `fr_FR`, `pt-BR` → `pt_BR`, using the likeliest territory. */
export function ogLocale(locale: string): string {
	const { language, region } = new Intl.Locale(locale).maximize();
	return region ? `${language}_${region}` : language;
}

/** The writing direction of a locale, for `<html dir>`: `rtl` for Arabic, Hebrew, Persian… */
export function textDirection(locale: string): 'ltr' | 'rtl' {
	return new Intl.Locale(locale).getTextInfo().direction === 'rtl' ? 'rtl' : 'ltr';
}
