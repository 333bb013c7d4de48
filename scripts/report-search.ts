/**
 * `npm run report:search -- [--from 2026-11-01] [--to 2026-11-30] [--locale fr] [--remote]`
 *
 * What shoppers searched for in a period (default: the last 30 days), from the events the search box sends:
 * top queries with their click-through, queries that found nothing (articles to write), and deflections (the
 * contact form's suggestions that answered), and what questions to the answer engine got: how many were answered,
 * sent to a self-service page or not answered, the questions nothing answered and the answers shoppers said did
 * not help (content gaps), and the articles that answered most. Reads the local D1 database (`--persist-to` names another local
 * state folder), or the deployed one with --remote.
 */
import { parseArgs } from 'node:util';
import { queryD1 } from './lib/d1-query.ts';
import { parsePeriod, periodCondition, UsageError } from './lib/report/period.ts';

const { values } = parseArgs({
	options: {
		from: { type: 'string' },
		to: { type: 'string' },
		locale: { type: 'string' },
		limit: { type: 'string', default: '15' },
		remote: { type: 'boolean', default: false },
		'persist-to': { type: 'string' },
	},
});

let period;
try {
	period = parsePeriod(values, new Date());
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(error.message);
	process.exit(2);
}
const { from, to } = period;
const limit = Math.max(1, Math.min(200, Number.parseInt(values.limit, 10) || 15));
// Every value above is checked against a strict pattern, so it can be written into the SQL as it is.
const where = periodCondition(period);

const [totalRows = [], topQueries = [], nothingFound = [], deflected = [], answerTotals = [], unanswered = [], answeringArticles = []] = queryD1(values.remote ? { remote: true } : { remote: false, persistTo: values['persist-to'] }, [
	`SELECT SUM((kind = 'search') * count) AS searches, SUM((kind = 'search' AND results = 0) * count) AS zero,
	        SUM((kind = 'click') * count) AS clicks, SUM((kind = 'deflection') * count) AS deflections FROM search_events WHERE ${where}`,
	`SELECT query, locale, SUM((kind = 'search') * count) AS searches, SUM((kind = 'click') * count) AS clicks,
	        ROUND(100.0 * SUM((kind = 'click') * count) / MAX(SUM((kind = 'search') * count), 1), 1) AS "click-through %",
	        ROUND(SUM(CASE WHEN kind = 'click' THEN rank * count END) * 1.0 / SUM(CASE WHEN kind = 'click' THEN count END), 1) AS "mean clicked rank"
	 FROM search_events WHERE ${where} GROUP BY query, locale HAVING searches > 0 ORDER BY searches DESC LIMIT ${limit}`,
	`SELECT query, locale, SUM(count) AS searches FROM search_events
	 WHERE ${where} AND kind = 'search' AND results = 0 GROUP BY query, locale ORDER BY searches DESC LIMIT ${limit}`,
	`SELECT query, locale, SUM(count) AS deflections, ROUND(SUM(rank * count) * 1.0 / SUM(count), 1) AS "mean rank" FROM search_events
	 WHERE ${where} AND kind = 'deflection' GROUP BY query, locale ORDER BY deflections DESC LIMIT ${limit}`,
	`SELECT outcome, SUM(count) AS count FROM answer_events WHERE ${where} GROUP BY outcome ORDER BY outcome`,
	`SELECT query, locale, SUM((outcome = 'none') * count) AS "not answered", SUM((outcome = 'not_helpful') * count) AS "answer did not help"
	 FROM answer_events WHERE ${where} AND query IS NOT NULL GROUP BY query, locale ORDER BY SUM(count) DESC LIMIT ${limit}`,
	`SELECT target AS article, locale, SUM((outcome = 'answer') * count) AS answers, SUM((outcome = 'helpful') * count) AS helpful,
	        SUM((outcome = 'not_helpful') * count) AS "not helpful"
	 FROM answer_events WHERE ${where} AND outcome IN ('answer', 'helpful', 'not_helpful') GROUP BY target, locale ORDER BY answers DESC LIMIT ${limit}`,
]);
const totals = totalRows[0] as { searches: number; zero: number; clicks: number; deflections: number } | undefined;
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

console.log(`\nSearch report, ${from} to ${to}${values.locale ? `, ${values.locale}` : ''}\n`);
console.table({
	searches: totals?.searches ?? 0,
	'found nothing': `${totals?.zero ?? 0} (${percent(totals?.zero ?? 0, totals?.searches ?? 0)})`,
	'result clicks': `${totals?.clicks ?? 0} (click-through ${percent(totals?.clicks ?? 0, totals?.searches ?? 0)})`,
	'answered by a suggestion before contacting us': totals?.deflections ?? 0,
});

console.log('Top queries');
console.table(topQueries);

console.log('Queries that found nothing (write these articles, or add synonyms)');
console.table(nothingFound);

console.log('Questions answered by a suggested article before contacting us');
console.table(deflected);

const outcomes = Object.fromEntries((answerTotals as { outcome: string; count: number }[]).map((row) => [row.outcome, row.count]));
const asked = (outcomes['answer'] ?? 0) + (outcomes['self-service'] ?? 0) + (outcomes['none'] ?? 0);
console.log('Questions to the answer engine');
console.table({
	questions: asked,
	'answered from an article': `${outcomes['answer'] ?? 0} (${percent(outcomes['answer'] ?? 0, asked)})`,
	'sent to a self-service page': `${outcomes['self-service'] ?? 0} (${percent(outcomes['self-service'] ?? 0, asked)})`,
	'not answered': `${outcomes['none'] ?? 0} (${percent(outcomes['none'] ?? 0, asked)})`,
	'"this answered my question"': outcomes['helpful'] ?? 0,
	'"it did not"': outcomes['not_helpful'] ?? 0,
});

console.log('Questions nothing answered, or whose answer did not help (content gaps: write or fix these articles)');
console.table(unanswered);

console.log('Articles that answered questions');
console.table(answeringArticles);
