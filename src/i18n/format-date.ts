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

/**
 * A day written `YYYY-MM-DD` (an article's `updated`), as {@link formatLongDate} writes it, so an answer card and the
 * article page it quotes show the same date the same way. Undefined for anything that is not such a day.
 */
export function formatLongDay(locale: string, day: string): string | undefined {
	const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
	return /^\d{4}-\d{2}-\d{2}/.test(day) && !Number.isNaN(date.getTime()) ? formatLongDate(locale, date) : undefined;
}
