/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no font, no request.
 * A Content-Security-Policy that allows nothing but the inline style backs up the escaping: even markup that got
 * through could neither run nor load anything.
 */
import { Html, html } from './html.ts';
import { minVotesToRate, type ReportData } from './model.ts';
import { reportStyles } from './report-styles.ts';
import { barChart, type BarChart } from './svg-chart.ts';
import { reportTables, type Cell, type Table } from './tables.ts';

const inChart = 10;
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (text: string, format = longDay) => format.format(new Date(`${text}T00:00:00Z`));
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format;
const percentText = (share: number | null) => (share === null ? null : `${number(Math.round(share * 1000) / 10)} %`);
// In a chart an article is its last path segment (a path cut to fit would lose its middle); the table has it whole.
const slug = (article: string) => article.split('/').at(-1) ?? article;
const none = html`<span aria-hidden="true">–</span><span class="visually-hidden">none</span>`;

function cell(value: Cell): Html | string {
	if (value === null) return none;
	if (typeof value === 'number') return number(value);
	if (typeof value === 'object') return percentText(value.share) ?? none;
	return value;
}

/** A table with its caption, row headers in the first column, in a box that scrolls sideways on a phone. */
function table(data: Table, empty: string): Html {
	if (data.rows.length === 0) return html`<p class="empty">${empty}</p>`;
	const classes = { text: null, day: 'nowrap', prose: 'text', count: 'num', percent: 'num' };
	const classOf = (index: number) => {
		const name = classes[data.columns[index]?.kind ?? 'text'];
		return name ? html` class="${name}"` : null;
	};
	return html`<div class="table-wrap" role="region" aria-labelledby="${data.id}-caption" tabindex="0"><table>
<caption id="${data.id}-caption">${data.title}</caption>
<thead><tr>${data.columns.map((column, index) => html`<th scope="col"${classOf(index)}>${column.label}</th>`)}</tr></thead>
<tbody>${data.rows.map(
		(row) =>
			html`<tr>${row.map((value, index) => (index === 0 ? html`<th scope="row"${classOf(index)}>${cell(value)}</th>` : html`<td${classOf(index)}>${cell(value)}</td>`))}</tr>`,
	)}</tbody>
</table></div>`;
}

/** A chart unless every bar is empty (an empty chart only says what the table's "nothing" says better). */
const chartOf = (chart: BarChart): Html | null => (chart.bars.some((bar) => bar.values.some((value) => value > 0)) ? barChart(chart) : null);

// Not a named region: each table's box already is one, named by its caption, which repeats the heading.
function section(id: Table['id'], heading: string, ...content: (Html | null)[]): Html {
	return html`<section><h2 id="${id}-heading">${heading}</h2>${content}</section>`;
}

const sectionHeadings: [Table['id'], string][] = [
	['searches-by-day', 'Searches over time'],
	['top-searches', 'Top searches and their click-through'],
	['no-result', 'Searches with no result'],
	['deflection', 'Deflection rate'],
	['helpfulness', 'Helpfulness per article'],
	['comments', 'Comments'],
	['gaps', 'Content gaps'],
];

/** The whole report as an HTML document. */
export function renderHtml(data: ReportData): string {
	const tables = new Map(reportTables(data).map((entry) => [entry.id, entry]));
	const tableOf = (id: Table['id'], empty: string) => table(tables.get(id) ?? { id, title: '', columns: [], rows: [] }, empty);
	const heading = (id: Table['id']) => sectionHeadings.find(([known]) => known === id)?.[1] ?? id;
	const { period } = data;
	const scope = period.locale === null ? 'all languages' : `language: ${period.locale}`;
	const withLocale = (text: string, locale: string) => (period.locale === null ? `${text} (${locale})` : text);
	const searches = data.searchesByDay.reduce((total, row) => total + row.searches, 0);
	const foundNothing = data.searchesByDay.reduce((total, row) => total + row.foundNothing, 0);
	const votes = data.helpfulness.reduce((total, row) => ({ yes: total.yes + row.yes, all: total.all + row.yes + row.no }), { yes: 0, all: 0 });
	const clicks = data.topSearches.reduce((total, row) => total + row.clicks, 0);
	const topSearches = data.topSearches.reduce((total, row) => total + row.searches, 0);
	const { all } = data.deflection;

	const figures: [string, string][] = [
		['Searches', number(searches)],
		['Found nothing', percentText(searches ? foundNothing / searches : null) ?? '–'],
		['Click-through, top searches', percentText(topSearches ? clicks / topSearches : null) ?? '–'],
		['Deflection rate', percentText(all.rate) ?? '–'],
		['Votes “helpful”', percentText(votes.all ? votes.yes / votes.all : null) ?? '–'],
	];

	const sections = [
		section(
			'searches-by-day',
			heading('searches-by-day'),
			html`<p>Every search a shopper settled on (results left on screen for two seconds, or a result opened), per day. A search found nothing when no article matched it.</p>`,
			chartOf({
				id: 'chart-searches',
				title: 'Searches per day',
				summary: `${number(searches)} searches from ${day(period.from)} to ${day(period.to)}, ${number(foundNothing)} of which found nothing. The numbers per day are in the table below.`,
				layout: 'columns',
				series: ['found articles', 'found nothing'],
				bars: data.searchesByDay.map((row) => ({ label: day(row.day, shortDay), values: [row.searches - row.foundNothing, row.foundNothing] })),
			}),
			html`<details><summary>Numbers per day</summary>${tableOf('searches-by-day', 'No searches in this period.')}</details>`,
		),
		section(
			'top-searches',
			heading('top-searches'),
			html`<p>The most frequent searches. Click-through is results opened per search; the mean clicked rank is the position of the result opened (1 is the first). A frequent search with a low click-through did not show what shoppers looked for.</p>`,
			chartOf({
				id: 'chart-top',
				title: 'Most frequent searches',
				summary: `The ${Math.min(inChart, data.topSearches.length)} most frequent searches and how often each was made; click-through is in the table below.`,
				layout: 'rows',
				series: ['searches'],
				bars: data.topSearches.slice(0, inChart).map((row) => ({ label: withLocale(row.query, row.locale), values: [row.searches] })),
			}),
			tableOf('top-searches', 'No searches in this period.'),
		),
		section(
			'no-result',
			heading('no-result'),
			html`<p>Searches for which no article matched: write these articles, or add the shoppers’ words as synonyms (<code>search.synonyms</code> in <code>content/site.yaml</code>).</p>`,
			chartOf({
				id: 'chart-no-result',
				title: 'Searches with no result',
				summary: `The ${Math.min(inChart, data.noResult.length)} most frequent searches that found nothing; all of them are in the table below.`,
				layout: 'rows',
				series: ['searches that found nothing'],
				bars: data.noResult.slice(0, inChart).map((row) => ({ label: withLocale(row.query, row.locale), values: [row.searches] })),
			}),
			tableOf('no-result', 'Every search found at least one article.'),
		),
		section(
			'deflection',
			heading('deflection'),
			html`<div class="definition"><p><strong>Shoppers helped</strong> are those who got what they needed without writing to us: a suggested article answered them before they contacted us (a deflection), they voted “yes” to “Was this article helpful?”, or they made a return, changed an address or tracked an order themselves. <strong>The deflection rate</strong> is shoppers helped ÷ (shoppers helped + tickets sent).</p>
<p>Nothing identifies a shopper, so one shopper who votes “yes” and then tracks an order counts twice: read the rate as a trend from one period to the next.</p></div>
<p class="figure-big">${percentText(all.rate) ?? 'No rate yet'}</p><p>${number(all.helped)} shoppers helped, ${number(all.tickets)} tickets sent.</p>`,
			chartOf({
				id: 'chart-deflection',
				title: 'Shoppers helped and tickets sent',
				summary: `${number(all.helped)} shoppers helped without writing to us, against ${number(all.tickets)} tickets sent; each part is in the table below.`,
				layout: 'rows',
				series: ['helped without writing to us', 'tickets sent'],
				bars: [
					{ label: 'Deflections', values: [all.deflections, 0] },
					{ label: '“Yes” votes', values: [all.yesVotes, 0] },
					{ label: 'Returns made', values: [all.returns, 0] },
					{ label: 'Address changes made', values: [all.addressChanges, 0] },
					{ label: 'Orders tracked', values: [all.tracking, 0] },
					{ label: 'Tickets sent', values: [0, all.tickets] },
				],
			}),
			tableOf('deflection', ''),
		),
		section(
			'helpfulness',
			heading('helpfulness'),
			html`<p>“Was this article helpful?” per article: the share of “yes”, and why shoppers said “no”. An article is rated from ${minVotesToRate} votes on; before that one vote would move its share by 20 points or more. The least helpful come first.</p>`,
			chartOf({
				id: 'chart-helpfulness',
				title: 'Yes and no votes of the least helpful articles',
				summary: 'Yes and no votes of the rated articles, least helpful first; the shares are in the table below.',
				layout: 'rows',
				series: ['yes', 'no'],
				bars: data.helpfulness
					.filter((row) => row.yesShare !== null)
					.slice(0, inChart)
					.map((row) => ({ label: withLocale(slug(row.article), row.locale), values: [row.yes, row.no] })),
			}),
			tableOf('helpfulness', 'No votes in this period.'),
		),
		section(
			'comments',
			heading('comments'),
			html`<p>What shoppers wrote after a “no”, newest first. E-mail addresses and long numbers were removed before the comments were stored.${
				data.comments.total > data.comments.shown.length ? ` Showing the ${number(data.comments.shown.length)} newest of ${number(data.comments.total)}.` : ''
			}</p>`,
			tableOf('comments', 'No comments in this period.'),
		),
		section(
			'gaps',
			heading('gaps'),
			html`<p>Questions the help center does not answer yet, most frequent first: searches that found nothing (by query) and “did not answer my question” after a “no” (by article). Each asks for an article to write or to mend.</p>`,
			chartOf({
				id: 'chart-gaps',
				title: 'Most frequent content gaps',
				summary: `The ${Math.min(inChart, data.gaps.length)} most frequent content gaps; all of them are in the table below.`,
				layout: 'rows',
				series: ['search found nothing', 'did not answer my question'],
				bars: data.gaps.slice(0, inChart).map((gap) => ({ label: withLocale(gap.kind === 'article' ? `article ${slug(gap.subject)}` : `“${gap.subject}”`, gap.locale), values: gap.kind === 'search' ? [gap.count, 0] : [0, gap.count] })),
			}),
			tableOf('gaps', 'No content gaps in this period.'),
		),
	];

	const title = `Help center insights, ${period.from} to ${period.to}, ${scope}`;
	return `<!doctype html>\n${
		html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${new Html(reportStyles)}</style>
</head>
<body>
<header>
<h1>Help center insights</h1>
<p class="period">${day(period.from)} to ${day(period.to)} · ${scope} · made on ${day(data.made)}</p>
<dl class="figures">${figures.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
</header>
<nav aria-label="Sections"><ol>${sectionHeadings.map(([id, text]) => html`<li><a href="#${id}-heading">${text}</a></li>`)}</ol></nav>
<main>
${sections}
</main>
<footer><p>Made by <code>npm run report</code> from the help center’s own records: searches (anonymised queries), “Was this article helpful?” votes and reasons, and what shoppers got done (tickets, returns, address changes, tracking). They keep the language and the day (UTC), and nothing that identifies a shopper.</p></footer>
</body>
</html>`.markup
	}\n`;
}
