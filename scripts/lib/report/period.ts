/** The days and the language a report covers; `locale` null means every language. */
export interface ReportPeriod {
	from: string;
	to: string;
	locale: string | null;
}

/** A mistake in what was typed on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** The longest period a report covers: a year, leap day included (its chart has one column a day). */
export const maxPeriodDays = 366;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
// The events contract's language codes (`en`, `fr`, `fr-CA`): nothing else is ever stored.
const localePattern = /^[a-z]{2}(-[A-Z]{2})?$/;

/** The UTC day of `date`, YYYY-MM-DD: the server stamps events with UTC days. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

const dayMs = 86_400_000;

/** The day `days` after `day` (before it when negative). */
export const addDays = (day: string, days: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs));

function checkDay(name: string, value: string): string {
	// The pattern first, then a round trip: 2026-13-01 is no date at all, and 2026-02-30 would be read as 2 March.
	const time = dayPattern.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
	if (Number.isNaN(time) || dayOf(new Date(time)) !== value) throw new UsageError(`--${name} must be a day written YYYY-MM-DD, such as 2026-11-30 (got "${value}").`);
	return value;
}

/**
 * Checks `--from`, `--to` and `--locale` strictly, since they are written into SQL as they are (wrangler takes no
 * bound parameters with --command). Without dates: the 30 days up to and including `today` (UTC).
 */
export function parsePeriod(values: { from?: string | undefined; to?: string | undefined; locale?: string | undefined }, today: Date): ReportPeriod {
	const to = checkDay('to', values.to ?? dayOf(today));
	const from = checkDay('from', values.from ?? addDays(to, -29));
	if (from > to) throw new UsageError(`--from (${from}) must not come after --to (${to}).`);
	const days = (Date.parse(to) - Date.parse(from)) / dayMs + 1;
	if (days > maxPeriodDays) throw new UsageError(`A report covers at most ${maxPeriodDays} days; ${from} to ${to} is ${days}.`);
	if (values.locale !== undefined && !localePattern.test(values.locale)) throw new UsageError(`--locale must be a language code such as en, fr or fr-CA (got "${values.locale}").`);
	return { from, to, locale: values.locale ?? null };
}

/** A SQL string literal; the values passed here are checked already, and quoting keeps that true if one is not. */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The WHERE condition every insight table shares: they all have `day` and `locale`. */
export function periodCondition(period: ReportPeriod): string {
	const locale = period.locale === null ? '' : ` AND locale = ${sqlString(period.locale)}`;
	return `day BETWEEN ${sqlString(period.from)} AND ${sqlString(period.to)}${locale}`;
}
