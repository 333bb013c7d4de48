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

/**
 * The help center's locale for one language tag, as browsers and apps write it (`fr`, `fr-FR`, `FR`, `fr_CA`): the
 * exact locale, else the first one with the same primary language; undefined when the help center has none.
 */
export function matchLocale(tag: string, locales: readonly string[]): string | undefined {
	const wanted = tag.trim().toLowerCase().replaceAll('_', '-');
	const exact = locales.find((locale) => locale.toLowerCase() === wanted);
	if (exact) return exact;
	const primary = wanted.split('-')[0];
	return locales.find((locale) => locale.toLowerCase().split('-')[0] === primary);
}
