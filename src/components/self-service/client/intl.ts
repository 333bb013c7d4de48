/** Dates as the shopper reads them, in their language and time zone. */
export function formatDate(iso: string, locale: string, withTime = false): string {
	const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
	return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}

/** A country's name in `locale` ("Royaume-Uni" for GB in French). */
export function countryName(code: string, locale: string): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}
