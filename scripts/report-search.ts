/**
 * `npm run report:search -- [--from 2026-11-01] [--to 2026-11-30] [--locale fr] [--remote]`
 *
 * What shoppers searched for in a period (default: the last 30 days), from the events the search box sends:
 * top queries with their click-through, queries that found nothing (articles to write), and deflections (the
 * contact form's suggestions that answered). Reads the local D1 database (`--persist-to` names another local
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

const [totalRows = [], topQueries = [], nothingFound = [], deflected = []] = queryD1(values.remote ? { remote: true } : { remote: false, persistTo: values['persist-to'] }, [
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
