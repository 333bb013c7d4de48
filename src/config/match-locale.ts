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
