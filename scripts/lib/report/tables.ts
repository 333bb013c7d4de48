/**
 * The report's numbers as tables, written once for both the HTML page (an accessible table in each section) and
 * `--csv` (one CSV section per table), so the two never disagree.
 */
import { feedbackReasons, type FeedbackReason } from '../../../functions/contract/events.ts';
import { minVotesToRate, type Deflection, type ReportData } from './model.ts';

/** A share from 0 to 1 (null: nothing to share out), shown as a percentage. */
export interface Share {
	share: number | null;
}

export type Cell = string | number | null | Share;

export interface Table {
	/** The section the table belongs to, and its id in the page. */
	id: 'searches-by-day' | 'top-searches' | 'no-result' | 'deflection' | 'helpfulness' | 'comments' | 'gaps';
	title: string;
	/** Column headings, and what the column holds: numbers are aligned right, days kept on one line, prose given room. */
	columns: { label: string; kind: 'text' | 'day' | 'prose' | 'count' | 'percent' }[];
	rows: Cell[][];
}

/** How the report names each reason a shopper may give after "no". */
export const reasonLabels: Record<FeedbackReason, string> = {
	outdated: 'out of date',
	unclear: 'unclear',
	not_answered: 'did not answer my question',
	other: 'other',
};

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const text = (label: string) => ({ label, kind: 'text' }) as const;
const count = (label: string) => ({ label, kind: 'count' }) as const;
const percent = (label: string) => ({ label, kind: 'percent' }) as const;
const day = { label: 'Day', kind: 'day' } as const;

/** The parts of the deflection rate, in the order the report explains them. */
const deflectionRows: [string, (parts: Deflection) => Cell][] = [
	['Answered by a suggested article (deflections)', (parts) => parts.deflections],
	['“Yes, this article helped” votes', (parts) => parts.yesVotes],
	['Returns made', (parts) => parts.returns],
	['Address changes made', (parts) => parts.addressChanges],
	['Orders tracked', (parts) => parts.tracking],
	['Shoppers helped (the parts above)', (parts) => parts.helped],
	['Tickets sent', (parts) => parts.tickets],
	['Deflection rate', (parts) => ({ share: parts.rate })],
];

/** Every table of the report, in the order of its sections. */
export function reportTables(data: ReportData): Table[] {
	const locales = data.deflection.byLocale;
	return [
		{
			id: 'searches-by-day',
			title: 'Searches per day',
			columns: [day, count('Searches'), count('Found nothing'), percent('Share found nothing')],
			rows: data.searchesByDay.map((day) => [day.day, day.searches, day.foundNothing, { share: day.searches ? day.foundNothing / day.searches : null }]),
		},
		{
			id: 'top-searches',
			title: 'Top searches',
			columns: [text('Query'), text('Language'), count('Searches'), count('Clicks'), percent('Click-through'), count('Mean clicked rank')],
			rows: data.topSearches.map((row) => [row.query, row.locale, row.searches, row.clicks, { share: row.clickThrough }, oneDecimal(row.meanClickedRank)]),
		},
		{
			id: 'no-result',
			title: 'Searches with no result',
			columns: [text('Query'), text('Language'), count('Searches')],
			rows: data.noResult.map((row) => [row.query, row.locale, row.searches]),
		},
		{
			id: 'deflection',
			title: 'Deflection rate and its parts',
			columns: [text('Part'), count(data.period.locale ?? 'All languages'), ...(locales.length > 1 ? locales.map((row) => count(row.locale)) : [])],
			rows: deflectionRows.map(([label, value]) => [label, value(data.deflection.all), ...(locales.length > 1 ? locales.map(value) : [])]),
		},
		{
			id: 'helpfulness',
			title: 'Helpfulness per article',
			columns: [text('Article'), text('Language'), count('Yes'), count('No'), percent('Helpful'), ...feedbackReasons.map((reason) => count(`No: ${reasonLabels[reason]}`))],
			rows: data.helpfulness.map((row) => [
				row.article,
				row.locale,
				row.yes,
				row.no,
				row.yesShare === null ? `not enough votes yet (${row.yes + row.no} of ${minVotesToRate})` : { share: row.yesShare },
				...feedbackReasons.map((reason) => row.reasons[reason]),
			]),
		},
		{
			id: 'comments',
			title: 'Comments',
			columns: [day, text('Article'), text('Language'), text('Reason'), { label: 'Comment', kind: 'prose' }],
			rows: data.comments.shown.map((row) => [row.day, row.article, row.locale, reasonLabels[row.reason] ?? row.reason, row.comment]),
		},
		{
			id: 'gaps',
			title: 'Content gaps',
			columns: [text('Search or article'), text('Language'), text('Signal'), count('Times')],
			rows: data.gaps.map((gap) => [gap.subject, gap.locale, gap.kind === 'search' ? 'search found nothing' : 'did not answer my question', gap.count]),
		},
	];
}
