/**
 * What the insights report says, as data (this is what `--json` prints), and the arithmetic that turns the
 * database's counts into it. No I/O here: `read-report.ts` feeds it, the renderers draw it.
 */
import { feedbackReasons, type FeedbackReason } from '../../../functions/contract/events.ts';
import { addDays, type ReportPeriod } from './period.ts';

/** An article is rated only from this many votes on: below it, one vote swings the share by 20 points or more. */
export const minVotesToRate = 5;

export interface DaySearches {
	day: string;
	searches: number;
	foundNothing: number;
}

export interface TopSearch {
	query: string;
	locale: string;
	searches: number;
	clicks: number;
	/** Clicks per search, 0 to 1 (it may pass 1 when shoppers open several results); null without searches. */
	clickThrough: number | null;
	meanClickedRank: number | null;
}

export interface QueryCount {
	query: string;
	locale: string;
	searches: number;
}

/** What shoppers got done without us, and the tickets they sent us instead. */
export interface DeflectionParts {
	/** "This answered my question" on an article suggested before contacting us (`search_events.kind = 'deflection'`). */
	deflections: number;
	/** "Yes" to "Was this article helpful?". */
	yesVotes: number;
	returns: number;
	addressChanges: number;
	/** Orders whose tracking a shopper looked up. */
	tracking: number;
	tickets: number;
}

export interface Deflection extends DeflectionParts {
	/** Every part but tickets: shoppers helped without writing to us. */
	helped: number;
	/** helped / (helped + tickets), 0 to 1; null when there is neither. */
	rate: number | null;
}

export interface ArticleHelpfulness {
	article: string;
	locale: string;
	yes: number;
	no: number;
	/** Share of yes votes, 0 to 1; null until the article has {@link minVotesToRate} votes. */
	yesShare: number | null;
	reasons: Record<FeedbackReason, number>;
}

export interface ArticleComment {
	article: string;
	locale: string;
	reason: FeedbackReason;
	comment: string;
	day: string;
}

/** A question the help center does not answer yet: a search that found nothing, or an article that did not answer. */
export interface ContentGap {
	kind: 'search' | 'article';
	/** The query, or the article's path. */
	subject: string;
	locale: string;
	/** Searches that found nothing, or "did not answer my question" reasons. */
	count: number;
}

export interface ReportData {
	period: ReportPeriod;
	/** The UTC day the report was made. */
	made: string;
	searchesByDay: DaySearches[];
	topSearches: TopSearch[];
	noResult: QueryCount[];
	deflection: { all: Deflection; byLocale: (Deflection & { locale: string })[] };
	helpfulness: ArticleHelpfulness[];
	comments: { total: number; shown: ArticleComment[] };
	gaps: ContentGap[];
}

/** Every day of the period, with zeros for days nobody searched (a chart with gaps would misplace its columns). */
export function fillDays(period: ReportPeriod, rows: DaySearches[]): DaySearches[] {
	const byDay = new Map(rows.map((row) => [row.day, row]));
	const days: DaySearches[] = [];
	for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(byDay.get(day) ?? { day, searches: 0, foundNothing: 0 });
	return days;
}

/** A share, 0 to 1, or null when there is nothing to share out. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The deflection rate: shoppers helped (deflections, yes votes, self-service done) against tickets sent. */
export function deflection(parts: DeflectionParts): Deflection {
	const helped = parts.deflections + parts.yesVotes + parts.returns + parts.addressChanges + parts.tracking;
	return { ...parts, helped, rate: share(helped, helped + parts.tickets) };
}

export const noParts: DeflectionParts = { deflections: 0, yesVotes: 0, returns: 0, addressChanges: 0, tracking: 0, tickets: 0 };

/** One count of one part in one language, as the database groups them. */
export interface PartCount {
	locale: string;
	part: keyof DeflectionParts;
	count: number;
}

/** The deflection of every language together and of each language (alphabetical). */
export function deflectionByLocale(counts: PartCount[]): ReportData['deflection'] {
	const byLocale = new Map<string, DeflectionParts>();
	const all = { ...noParts };
	for (const { locale, part, count } of counts) {
		const parts = byLocale.get(locale) ?? { ...noParts };
		parts[part] += count;
		all[part] += count;
		byLocale.set(locale, parts);
	}
	const locales = [...byLocale.keys()].sort();
	return { all: deflection(all), byLocale: locales.map((locale) => ({ locale, ...deflection(byLocale.get(locale) ?? noParts) })) };
}

/** Votes and reasons of one article in one language, as the database groups them. */
export interface ArticleCounts {
	article: string;
	locale: string;
	yes: number;
	no: number;
	reasons: Partial<Record<FeedbackReason, number>>;
}

/** Rates each article that has enough votes; the worst rated first (what to fix), then the rest by votes. */
export function rateArticles(counts: ArticleCounts[]): ArticleHelpfulness[] {
	const rated = counts.map((row) => {
		const votes = row.yes + row.no;
		const reasons = Object.fromEntries(feedbackReasons.map((reason) => [reason, row.reasons[reason] ?? 0])) as Record<FeedbackReason, number>;
		return { article: row.article, locale: row.locale, yes: row.yes, no: row.no, yesShare: votes >= minVotesToRate ? share(row.yes, votes) : null, reasons };
	});
	return rated.sort(
		(a, b) =>
			Number(a.yesShare === null) - Number(b.yesShare === null) ||
			(a.yesShare ?? 0) - (b.yesShare ?? 0) ||
			b.yes + b.no - (a.yes + a.no) ||
			a.article.localeCompare(b.article),
	);
}

/**
 * The content gaps, most frequent first: searches that found nothing (by query) and "did not answer my question"
 * (by article), in one list, since both ask for the same work: an article to write or to mend.
 */
export function groupGaps(noResult: QueryCount[], notAnswered: { article: string; locale: string; count: number }[], limit: number): ContentGap[] {
	const gaps = new Map<string, ContentGap>();
	const add = (gap: ContentGap) => {
		const key = JSON.stringify([gap.kind, gap.subject, gap.locale]);
		const known = gaps.get(key);
		gaps.set(key, known ? { ...known, count: known.count + gap.count } : gap);
	};
	for (const row of noResult) add({ kind: 'search', subject: row.query, locale: row.locale, count: row.searches });
	for (const row of notAnswered) add({ kind: 'article', subject: row.article, locale: row.locale, count: row.count });
	return [...gaps.values()]
		.filter((gap) => gap.count > 0)
		.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject) || a.locale.localeCompare(b.locale))
		.slice(0, limit);
}
