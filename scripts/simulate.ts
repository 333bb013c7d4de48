/**
 * `npm run simulate -- <tickets.csv> [--map field=Column,...] [--locale auto|en|fr] [--labels labels.csv]
 * [--out report.md] [--sample 30] [--seed n]`
 *
 * Before switching answers on: runs past tickets (a Zendesk or Gorgias CSV export, or any CSV with --map) through
 * the answer engine over the last build's answer index, and writes a Markdown report: how many tickets would have
 * been answered by an article, sent to a self-service page or not answered, with 95 % intervals, by language and
 * tag; the articles that would have answered; the content gaps; a sample of answers to check by hand; and, with
 * labels, the precision of "would answer" and the predicted deflection. Personal data is masked in memory and
 * never written. The same CSV and seed give the same report, byte for byte; the timing goes to stderr. The
 * pieces are in scripts/lib/simulate/.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { SiteConfigError } from '../src/config/parse-site-config.ts';
import { readSiteConfig } from '../src/config/read-site-config.ts';
import { projectRoot } from './lib/site-build.ts';
import { builtSiteEngine } from './lib/simulate/engine.ts';
import { readLabels } from './lib/simulate/labels.ts';
import { parseSimulateOptions, usage, UsageError } from './lib/simulate/options.ts';
import { renderReport, timingLine } from './lib/simulate/report.ts';
import { simulate } from './lib/simulate/run.ts';
import { summarise } from './lib/simulate/summary.ts';
import { readTickets, recognisedExport, SimulateError } from './lib/simulate/tickets.ts';

try {
	const site = readSiteConfig(projectRoot);
	const locales = site.locales.map((locale) => locale.code);
	// npm runs scripts from the project's folder; INIT_CWD is the folder the command was typed in.
	const options = parseSimulateOptions(process.argv.slice(2), process.env['INIT_CWD'] ?? process.cwd(), projectRoot, locales);
	const started = performance.now();
	const { tickets, columns } = readTickets(options.input, options.map);
	const labels = options.labels ? readLabels(options.labels) : undefined;
	const engine = builtSiteEngine(options.site, site);
	const simulated = await simulate(tickets, { engine, localeMode: options.locale, locales, defaultLocale: site.defaultLocale, questionMode: options.question });
	const engineSeconds = (performance.now() - started) / 1000;

	const summary = summarise(simulated, { seed: options.seed, sampleSize: options.sample, completion: options.completion, labels });
	const report = renderReport(summary, {
		source: basename(options.input),
		exportName: recognisedExport(columns),
		columns,
		localeMode: options.locale,
		questionMode: options.question,
		seed: options.seed,
		labelsFile: options.labels ? basename(options.labels) : undefined,
	});
	const seconds = (performance.now() - started) / 1000;
	if (options.out) {
		try {
			writeFileSync(options.out, report);
		} catch (error) {
			throw new SimulateError(`Could not write ${options.out}: ${(error as Error).message}`);
		}
		const { total } = summary;
		console.log(`${total.simulated} tickets simulated of ${summary.rows}: ${total.answered} answered, ${total.routed} routed, ${total.none} not answered. Report: ${options.out}`);
	} else process.stdout.write(report);
	console.error(timingLine(tickets.length, seconds, engineSeconds, availableParallelism()));
} catch (error) {
	if (error instanceof UsageError) {
		console.error(`${error.message}\n\n${usage}`);
		process.exitCode = 2;
	} else if (error instanceof SimulateError || error instanceof SiteConfigError) {
		console.error(error.message);
		process.exitCode = 1;
	} else throw error;
}
