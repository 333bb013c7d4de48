/**
 * `npm run import` — imports a help center from Zendesk, a CSV file or a folder of Markdown into content/ and public/:
 *   npm run import -- zendesk <export.json or folder> [--media <folder>] [--media <language>=<folder> ...] [--include-restricted]
 *   npm run import -- csv <articles.csv> [--map "column=field" ...] [--locale fr] [--category <folder>] [--media <folder>]
 *   npm run import -- markdown <folder> [--locale <code>] [--map "name=field" ...] [--zendesk-locale <code>] [--branch <language>=<branch> ...]
 *   npm run import -- redirects <file.csv or file.yaml>   (old address → new address, into content/redirects.yaml)
 * Common options: --dry-run (report only), --json (print the report as JSON), --timeout <seconds> (per download),
 * --strict (all or nothing), --root <project> (default: the current folder). Re-running updates the articles
 * imported before. Articles that would not pass the content checks are left out and listed; the exit code is 0
 * when something was imported (or there was nothing to refuse), 1 when every article was refused, under --strict
 * when any was, and on bad input.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readCsv } from './lib/import/csv.ts';
import { formatReport } from './lib/import/format-report.ts';
import { mapLocale } from './lib/import/locale-map.ts';
import { languageFoldersFromBranches, type LanguageFolders } from './lib/import/markdown-branches.ts';
import { readMarkdownFolder } from './lib/import/markdown-folder.ts';
import { ImportError, type ImportSource } from './lib/import/model.ts';
import { formatRedirectsReport, importRedirects } from './lib/import/redirects-file.ts';
import { runImport, type ImportProgress } from './lib/import/run-import.ts';
import { readZendeskExport } from './lib/import/zendesk.ts';
import { SiteConfigError } from '../src/config/parse-site-config.ts';
import { readSiteConfig } from '../src/config/read-site-config.ts';

const usage = `Usage:
  npm run import -- zendesk <export.json or folder> [--media <folder>] [--media <language>=<folder> ...] [--include-restricted]
  npm run import -- csv <articles.csv> [--map "column=field" ...] [--locale <code>] [--category <folder>] [--media <folder>]
  npm run import -- markdown <folder> [--locale <code>] [--map "name=field" ...] [--zendesk-locale <code>] [--branch <language>=<branch> ...]
  npm run import -- redirects <file.csv or file.yaml>
Options: --dry-run, --json, --strict, --timeout <seconds>, --root <project folder>`;

function progressBar(): ImportProgress | undefined {
	if (!process.stderr.isTTY) return undefined;
	const bar = new cliProgress.SingleBar(
		{ format: 'Importing [{bar}] {value}/{total} {label}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
		cliProgress.Presets.shades_classic,
	);
	return {
		start: (total) => bar.start(total, 0, { label: '' }),
		tick: (label) => bar.increment(1, { label: label.length > 50 ? `…${label.slice(-49)}` : label }),
		stop: () => bar.stop(),
	};
}

function parseOptions() {
	return parseArgs({
		allowPositionals: true,
		options: {
			map: { type: 'string', multiple: true },
			locale: { type: 'string' },
			category: { type: 'string' },
			media: { type: 'string', multiple: true },
			'zendesk-locale': { type: 'string' },
			branch: { type: 'string', multiple: true },
			root: { type: 'string', default: '.' },
			timeout: { type: 'string', default: '10' },
			'dry-run': { type: 'boolean', default: false },
			strict: { type: 'boolean', default: false },
			'include-restricted': { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
		},
	});
}

async function importArticles(system: 'zendesk' | 'csv' | 'markdown', input: string, root: string, values: ReturnType<typeof parseOptions>['values']): Promise<void> {
	const timeout = Number(values.timeout);
	if (!(timeout > 0)) throw new ImportError('--timeout is a number of seconds, for example --timeout 20.');
	const site = readSiteConfig(root);
	let source: ImportSource;
	// Translations kept on other branches (--branch fr=french): read side by side with the folder, as language folders.
	let languageFolders: LanguageFolders | undefined;
	if (values.branch?.length && system !== 'markdown') throw new ImportError('--branch is for Markdown folders whose translations live on other git branches.');
	try {
		if (system === 'zendesk') {
			source = await readZendeskExport(resolve(input), { includeRestricted: values['include-restricted'] });
		} else if (system === 'markdown') {
			const zendeskLocale = values['zendesk-locale'];
			const branches = new Map<string, string>();
			for (const value of values.branch ?? []) {
				const [language = '', ref = ''] = value.split(/=(.*)/s);
				if (!language || !ref) throw new ImportError(`--branch ${value}: write the language and the branch, for example --branch fr=french.`);
				branches.set(language, ref);
			}
			if (branches.size > 0) languageFolders = await languageFoldersFromBranches(resolve(input), values.locale ?? site.defaultLocale, branches);
			source = await readMarkdownFolder(languageFolders?.folder ?? resolve(input), {
				...(languageFolders ? { dates: languageFolders.dates } : {}),
				locale: values.locale ?? site.defaultLocale,
				...(values.map ? { map: values.map } : {}),
				// Old Zendesk addresses of the --locale language use the given code; other languages their own.
				...(zendeskLocale ? { zendeskLocale: (locale: string) => (locale === (values.locale ?? site.defaultLocale) ? zendeskLocale : locale === 'en' ? 'en-us' : locale) } : {}),
			});
		} else {
			source = await readCsv(resolve(input), {
				locale: values.locale ?? site.defaultLocale,
				...(values.map ? { map: values.map } : {}),
				...(values.category ? { category: values.category } : {}),
			});
		}
		// --media <folder> serves every language; --media fr=<folder> one language (an export with a folder per language).
		let mediaDir: string | undefined;
		const mediaDirs = new Map<string, string>();
		for (const value of values.media ?? []) {
			const perLocale = /^([a-z]{2,3}(?:[-_][a-z0-9]{2,4})?)=(.+)$/i.exec(value);
			if (!perLocale) {
				if (mediaDir) throw new ImportError('Give --media <folder> once, for every language; --media <language>=<folder> for one language, for example --media fr=export/media-fr.');
				mediaDir = resolve(value);
				continue;
			}
			const locale = mapLocale(perLocale[1] ?? '', site.locales.map((entry) => entry.code));
			if (!locale) throw new ImportError(`--media ${value}: "${perLocale[1]}" is not one of the site's languages (${site.locales.map((entry) => entry.code).join(', ')}).`);
			if (mediaDirs.has(locale)) throw new ImportError(`--media is given twice for ${locale}: give one folder per language.`);
			mediaDirs.set(locale, resolve(perLocale[2] ?? ''));
		}
		// A Markdown folder holds its own images: links and images point at its files.
		if (!mediaDir && system === 'markdown') mediaDir = languageFolders?.folder ?? resolve(input);
		const progress = values.json ? undefined : progressBar();
		const report = await runImport({
			root,
			source,
			...(mediaDir ? { mediaDir } : {}),
			...(mediaDirs.size > 0 ? { mediaDirs } : {}),
			timeoutMs: timeout * 1000,
			dryRun: values['dry-run'],
			strict: values.strict,
			...(progress ? { progress } : {}),
		});
		console.log(values.json ? JSON.stringify(report, null, '\t') : formatReport(report));
		if (!values.json && !report.dryRun && report.articles.length > 0) console.log('\nNext: npm run check, then npm run build.');
		// Some articles in and some refused is a success to act on (the summary lists them); none in is a failure.
		if (report.articles.length === 0 && report.refused.length > 0) process.exitCode = 1;
	} finally {
		languageFolders?.dispose();
	}
}

try {
	const { values, positionals } = parseOptions();
	const [system, input] = positionals;
	if ((system !== 'zendesk' && system !== 'csv' && system !== 'markdown' && system !== 'redirects') || !input || positionals.length > 2) throw new ImportError(usage);
	const root = resolve(values.root);
	if (system === 'redirects') {
		const report = await importRedirects(root, resolve(input), values['dry-run']);
		console.log(values.json ? JSON.stringify(report, null, '\t') : formatRedirectsReport(report, values['dry-run']));
	} else {
		await importArticles(system, input, root, values);
	}
} catch (error) {
	if (!(error instanceof ImportError || error instanceof SiteConfigError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')) throw error;
	console.error((error as Error).message);
	process.exitCode = 1;
}
