import { matchLocale } from '../config/match-locale.ts';

/**
 * Picks the first of the shopper's preferred languages (`Accept-Language`, by quality) that the help center
 * has, matching on the primary subtag so that `fr-CA` finds `fr`; otherwise the default locale.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, locales: readonly string[], fallback: string): string {
	if (!acceptLanguage) return fallback;
	const preferences = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag = '', ...parameters] = part.trim().split(';');
			const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { tag: tag.trim().toLowerCase(), quality: q === undefined ? 1 : Number(q), index };
		})
		.filter((preference) => preference.tag && preference.quality > 0 && !Number.isNaN(preference.quality))
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const { tag } of preferences) {
		const matched = matchLocale(tag, locales);
		if (matched) return matched;
	}
	return fallback;
}
