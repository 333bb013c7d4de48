const longDates = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as a reader of `locale` writes it in full ("6 December 2026", "6 décembre 2026"), in UTC, the time zone of
 * the dates editors write. One formatter per locale: making one costs far more than using it, once per article page.
 */
export function formatLongDate(locale: string, date: Date): string {
	let format = longDates.get(locale);
	if (!format) longDates.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
	return format.format(date);
}
