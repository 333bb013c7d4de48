/** Normalises a source locale: "fr_FR" → "fr-fr". */
export function normalizeLocale(locale: string): string {
	return locale.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * Maps a source locale (en-us, fr-FR, fr) to one of the site's locales: the exact code first, then the same
 * language. Undefined when the site has no such language.
 */
export function mapLocale(sourceLocale: string, siteLocales: readonly string[]): string | undefined {
	const normalized = normalizeLocale(sourceLocale);
	const exact = siteLocales.find((locale) => normalizeLocale(locale) === normalized);
	if (exact) return exact;
	const language = normalized.split('-')[0];
	return siteLocales.find((locale) => normalizeLocale(locale).split('-')[0] === language);
}
