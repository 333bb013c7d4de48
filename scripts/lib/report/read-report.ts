/**
 * Reads the insights tables of D1 (search_events, article_votes, article_feedback, service_outcomes) for a
 * period, in one wrangler call, and hands the counts to `model.ts`. The database groups and counts; the model
 * does the arithmetic, so the arithmetic has unit tests.
 */
import type { FeedbackReason } from '../../../functions/contract/events.ts';
import { queryD1, type D1Target } from '../d1-query.ts';
import { deflectionByLocale, fillDays, groupGaps, rateArticles, share, type ArticleComment, type ArticleCounts, type DaySearches, type PartCount, type QueryCount, type ReportData } from './model.ts';
import { dayOf, periodCondition, type ReportPeriod } from './period.ts';

/** Most comments a report lists, newest first; the report says how many there were in all. */
export const maxComments = 500;

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value ?? '');
const count = (value: unknown): number => Number(value ?? 0) || 0;
const maybe = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The statements of one report, in the order `readReport` reads their rows. Every count sums the rows' `count`:
 * days past the retention period are kept as one row per value with its count (functions/services/events.ts).
 */
export function reportStatements(period: ReportPeriod, limit: number): string[] {
	const where = periodCondition(period);
	return [
		`SELECT day, SUM((kind = 'search') * count) AS searches, SUM((kind = 'search' AND results = 0) * count) AS found_nothing
		 FROM search_events WHERE ${where} GROUP BY day ORDER BY day`,
		`SELECT query, locale, SUM((kind = 'search') * count) AS searches, SUM((kind = 'click') * count) AS clicks,
		        SUM(CASE WHEN kind = 'click' THEN rank * count END) * 1.0 / SUM(CASE WHEN kind = 'click' THEN count END) AS mean_rank
		 FROM search_events WHERE ${where} GROUP BY query, locale HAVING searches > 0
		 ORDER BY searches DESC, clicks DESC, query LIMIT ${limit}`,
		`SELECT query, locale, SUM(count) AS searches FROM search_events WHERE ${where} AND kind = 'search' AND results = 0
		 GROUP BY query, locale ORDER BY searches DESC, query LIMIT ${limit}`,
		`SELECT locale, 'deflections' AS part, SUM(count) AS count FROM search_events WHERE ${where} AND kind = 'deflection' GROUP BY locale
		 UNION ALL SELECT locale, 'yesVotes', SUM(count) FROM article_votes WHERE ${where} AND helpful = 1 GROUP BY locale
		 UNION ALL SELECT locale, CASE action WHEN 'ticket' THEN 'tickets' WHEN 'return' THEN 'returns'
		                                      WHEN 'address_change' THEN 'addressChanges' ELSE 'tracking' END, SUM(count)
		 FROM service_outcomes WHERE ${where} GROUP BY locale, action`,
		`SELECT article, locale, SUM((helpful = 1) * count) AS yes, SUM((helpful = 0) * count) AS no FROM article_votes WHERE ${where} GROUP BY article, locale`,
		`SELECT article, locale, reason, SUM(count) AS count FROM article_feedback WHERE ${where} GROUP BY article, locale, reason`,
		`SELECT article, locale, reason, comment, day FROM article_feedback WHERE ${where} AND comment IS NOT NULL AND comment <> ''
		 ORDER BY day DESC, id DESC LIMIT ${maxComments}`,
		`SELECT COUNT(*) AS count FROM article_feedback WHERE ${where} AND comment IS NOT NULL AND comment <> ''`,
	];
}

/** The report's data from the database at `target`; `limit` caps each ranked list. */
export function readReport(target: D1Target, period: ReportPeriod, limit: number, today = new Date()): ReportData {
	const [days = [], top = [], nothing = [], parts = [], votes = [], reasons = [], comments = [], commentCount = []] = queryD1(target, reportStatements(period, limit));
	const noResult: QueryCount[] = nothing.map((row) => ({ query: text(row['query']), locale: text(row['locale']), searches: count(row['searches']) }));
	const articleCounts = articles(votes, reasons);
	const notAnswered = articleCounts.map((row) => ({ article: row.article, locale: row.locale, count: row.reasons.not_answered ?? 0 }));
	return {
		period,
		made: dayOf(today),
		searchesByDay: fillDays(
			period,
			days.map((row): DaySearches => ({ day: text(row['day']), searches: count(row['searches']), foundNothing: count(row['found_nothing']) })),
		),
		topSearches: top.map((row) => ({
			query: text(row['query']),
			locale: text(row['locale']),
			searches: count(row['searches']),
			clicks: count(row['clicks']),
			clickThrough: share(count(row['clicks']), count(row['searches'])),
			meanClickedRank: maybe(row['mean_rank']),
		})),
		noResult,
		deflection: deflectionByLocale(parts.map((row) => ({ locale: text(row['locale']), part: text(row['part']) as PartCount['part'], count: count(row['count']) }))),
		helpfulness: rateArticles(articleCounts.filter((row) => row.yes + row.no > 0)),
		comments: {
			total: count(commentCount[0]?.['count']),
			shown: comments.map((row): ArticleComment => ({
				article: text(row['article']),
				locale: text(row['locale']),
				reason: text(row['reason']) as FeedbackReason,
				comment: text(row['comment']),
				day: text(row['day']),
			})),
		},
		gaps: groupGaps(noResult, notAnswered, limit),
	};
}

/** Votes and reasons joined per article and language (an article may have reasons without votes in the period). */
function articles(votes: Row[], reasons: Row[]): ArticleCounts[] {
	const byArticle = new Map<string, ArticleCounts>();
	const entry = (row: Row) => {
		const key = JSON.stringify([row['article'], row['locale']]);
		const known = byArticle.get(key) ?? { article: text(row['article']), locale: text(row['locale']), yes: 0, no: 0, reasons: {} };
		byArticle.set(key, known);
		return known;
	};
	for (const row of votes) Object.assign(entry(row), { yes: count(row['yes']), no: count(row['no']) });
	for (const row of reasons) {
		const known = entry(row);
		known.reasons[text(row['reason']) as FeedbackReason] = count(row['count']);
	}
	return [...byArticle.values()];
}
