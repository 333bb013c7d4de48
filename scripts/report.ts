/**
 * `npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--locale fr] [--remote | --persist-to dir]
 * [--out file] [--json | --csv]`
 *
 * The insights report a support lead opens: searches over time, top searches and their click-through, searches
 * that found nothing, the deflection rate and its parts, helpfulness per article, shoppers' comments, and the
 * content gaps, for a period (default: the last 30 days) and one language or all. Writes one self-contained HTML
 * file (default `help-center-report.html` in the current folder) and prints its path; `--json` and `--csv` print
 * the same data for other tools. Reads the local D1 database, another local state folder with --persist-to, or
 * the deployed one with --remote. The pieces are in scripts/lib/report/.
 */
import { writeFileSync } from 'node:fs';
import { D1QueryError } from './lib/d1-query.ts';
import { parseReportOptions, usage, type ReportOptions } from './lib/report/options.ts';
import { UsageError } from './lib/report/period.ts';
import { readReport } from './lib/report/read-report.ts';
import { renderHtml } from './lib/report/render-html.ts';
import { toCsv, toJson } from './lib/report/text-formats.ts';

function fail(message: string, code: number): never {
	console.error(message);
	process.exit(code);
}

let options: ReportOptions;
try {
	// npm runs scripts from the project's folder; INIT_CWD is the folder the command was typed in.
	options = parseReportOptions(process.argv.slice(2), new Date(), process.env['INIT_CWD'] ?? process.cwd());
} catch (error) {
	if (error instanceof UsageError) fail(`${error.message}\n\n${usage}`, 2);
	throw error;
}

let data;
try {
	data = readReport(options.database, options.period, options.limit);
} catch (error) {
	if (!(error instanceof D1QueryError)) throw error;
	const hint = /no such table/.test(error.message)
		? '\nThis database has no insight tables yet: run `npm run db:migrate` (or point --persist-to at the folder of a running Worker).'
		: '';
	fail(`Could not read the ${options.database.remote ? 'deployed' : 'local'} database: ${error.message}${hint}`, 1);
}

const text = options.format === 'json' ? toJson(data) : options.format === 'csv' ? toCsv(data) : renderHtml(data);
if (options.out === null) {
	process.stdout.write(text);
} else {
	try {
		writeFileSync(options.out, text);
	} catch (error) {
		fail(`Could not write ${options.out}: ${(error as Error).message}`, 1);
	}
	const { from, to, locale } = options.period;
	console.log(`Help center report, ${from} to ${to}, ${locale ?? 'all languages'}: ${options.out}`);
}
