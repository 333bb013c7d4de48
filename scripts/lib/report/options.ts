import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { D1Target } from '../d1-query.ts';
import { parsePeriod, UsageError, type ReportPeriod } from './period.ts';

export interface ReportOptions {
	period: ReportPeriod;
	/** Most rows of each ranked list (top searches, no result, gaps). */
	limit: number;
	database: D1Target;
	format: 'html' | 'json' | 'csv';
	/** Where to write; null prints JSON or CSV on the standard output (HTML always goes to a file). */
	out: string | null;
}

export const usage = `Usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--locale fr] [--limit 25]
                         [--remote | --persist-to <folder>] [--out <file>] [--json | --csv]

  --from, --to    the days covered, UTC (default: the last 30 days, today included; at most 366 days)
  --locale        one language (en, fr, fr-CA…); default: every language, each row shows its own
  --limit         most rows of each ranked list, 1 to 1000 (default 25)
  --remote        read the deployed D1 database (wrangler must be logged in)
  --persist-to    read the local D1 database kept in this folder (default: wrangler's, as npm start uses)
  --out           the file to write (default for HTML: help-center-report.html in the current folder)
  --json, --csv   the same data as JSON or as CSV sections, on the standard output unless --out is given`;

export const defaultHtmlFile = 'help-center-report.html';

/**
 * The options of `npm run report`, checked strictly: unknown options, stray arguments, malformed days or
 * languages, and contradictions (--json with --csv, --remote with --persist-to) are refused with a UsageError
 * that says what to type instead. Relative paths are taken from `cwd`, the folder the command was typed in.
 */
export function parseReportOptions(argv: string[], today: Date, cwd: string): ReportOptions {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				from: { type: 'string' },
				to: { type: 'string' },
				locale: { type: 'string' },
				limit: { type: 'string' },
				remote: { type: 'boolean' },
				'persist-to': { type: 'string' },
				out: { type: 'string' },
				json: { type: 'boolean' },
				csv: { type: 'boolean' },
			},
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
	if (values.remote && values['persist-to'] !== undefined) throw new UsageError('--persist-to names a local database; it cannot go with --remote.');
	if (values.limit !== undefined && !/^\d{1,4}$/.test(values.limit)) throw new UsageError(`--limit must be a whole number from 1 to 1000 (got "${values.limit}").`);
	const limit = values.limit === undefined ? 25 : Number(values.limit);
	if (limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000 (got "${values.limit}").`);
	if (values.out === '') throw new UsageError('--out needs a file name.');

	const persistTo = values['persist-to'] === undefined ? undefined : resolve(cwd, values['persist-to']);
	// wrangler would make an empty database in a folder that does not exist and report nothing, quietly.
	if (persistTo !== undefined && !(existsSync(persistTo) && statSync(persistTo).isDirectory())) throw new UsageError(`--persist-to: no folder ${persistTo}.`);

	const format = values.json ? 'json' : values.csv ? 'csv' : 'html';
	const out = values.out === undefined ? (format === 'html' ? resolve(cwd, defaultHtmlFile) : null) : resolve(cwd, values.out);
	return {
		period: parsePeriod(values, today),
		limit,
		database: values.remote ? { remote: true } : { remote: false, persistTo },
		format,
		out,
	};
}
