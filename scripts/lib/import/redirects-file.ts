/**
 * `npm run import -- redirects <file.csv|file.yaml>`: adds a list of old addresses and their new targets to
 * content/redirects.yaml, which editors can then edit, `npm run check` validates and the Worker serves as 301s.
 * CSV: two columns, old address then new address (a header row such as "from,to" is skipped). YAML: a map
 * `old: new`, or a list of `{ from, to }`. Old addresses may be full URLs of the old site; their path is kept.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import { redirectsFile } from '../../../src/config/content-layout.ts';
import { checkContent, formatProblems, isError } from '../../../src/content-checks/check-content.ts';
import { readContent } from '../../../src/content-checks/read-content.ts';
import { readSiteConfig } from '../../../src/config/read-site-config.ts';
import { redirectKey } from '../../../src/worker/redirects.ts';
import { ImportError, type Skip } from './model.ts';
import { oldPath } from './old-paths.ts';

/** What `npm run import -- redirects` did. */
export interface RedirectsReport {
	file: string;
	added: { from: string; to: string }[];
	/** Old addresses content/redirects.yaml had already: the editor's target is kept. */
	kept: { from: string; to: string }[];
	skipped: Skip[];
}

async function readPairs(path: string): Promise<{ pairs: { from: string; to: string; where: string }[]; skipped: Skip[] }> {
	const text = await readFile(path, 'utf8').catch(() => {
		throw new ImportError(`${path} cannot be read. Give a .csv or .yaml file of old and new addresses.`);
	});
	const name = basename(path);
	const skipped: Skip[] = [];
	const pairs: { from: string; to: string; where: string }[] = [];
	if (/\.ya?ml$/i.test(path)) {
		let data: unknown;
		try {
			data = parseYaml(text);
		} catch (error) {
			throw new ImportError(`${name} is not valid YAML: ${(error as YAMLParseError).message}`);
		}
		const entries: [unknown, unknown][] = Array.isArray(data)
			? data.map((item) => [(item as { from?: unknown } | null)?.from, (item as { to?: unknown } | null)?.to])
			: data && typeof data === 'object'
				? Object.entries(data)
				: [];
		entries.forEach(([from, to], index) => {
			if (typeof from === 'string' && typeof to === 'string') pairs.push({ from, to, where: `${name} entry ${index + 1}` });
			else skipped.push({ item: `${name} entry ${index + 1}`, reason: 'write each redirect as "old: new" (or from: and to:)' });
		});
		return { pairs, skipped };
	}
	let rows: string[][];
	try {
		rows = parseCsv(text, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as string[][];
	} catch (error) {
		throw new ImportError(`${name} is not valid CSV: ${(error as CsvError).message}`);
	}
	rows.forEach(([from = '', to = ''], index) => {
		const where = `${name} line ${index + 1}`;
		if (index === 0 && !/^(\/|https?:)/i.test(from)) return;
		if (!from || !to) skipped.push({ item: where, reason: 'each line needs the old address, then the new one' });
		else pairs.push({ from, to, where });
	});
	return { pairs, skipped };
}

/** Adds the redirects of `input` to content/redirects.yaml in the project at `root`; changes nothing if the result would not pass the checks. */
export async function importRedirects(root: string, input: string, dryRun = false): Promise<RedirectsReport> {
	const { pairs, skipped } = await readPairs(input);
	const target = join(root, redirectsFile);
	const before = existsSync(target) ? await readFile(target, 'utf8') : undefined;
	const document = parseDocument(before ?? '{}');
	const existing = new Map<string, { from: string; to: string }>();
	const current = document.toJS() as Record<string, unknown> | null;
	for (const [from, to] of Object.entries(current ?? {})) existing.set(redirectKey(from), { from, to: String(to) });
	const report: RedirectsReport = { file: redirectsFile, added: [], kept: [], skipped };
	for (const { from: address, to, where } of pairs) {
		const from = oldPath(address);
		if (!from) {
			skipped.push({ item: `${where}: ${address}`, reason: 'the old address is not a web address or a path starting with "/"' });
			continue;
		}
		const earlier = existing.get(redirectKey(from));
		if (earlier) {
			if (earlier.to !== to) report.kept.push(earlier);
			continue;
		}
		existing.set(redirectKey(from), { from, to });
		document.set(from, to);
		report.added.push({ from, to });
	}
	if (dryRun || report.added.length === 0) return report;
	const errorsNow = async () => {
		const problems = checkContent(await readContent(root), readSiteConfig(root), join(root, 'public'));
		return new Set(formatProblems(problems.filter(isError)).split('\n').filter(Boolean));
	};
	const errorsBefore = await errorsNow();
	await writeFile(target, document.toString({ lineWidth: 0 }));
	const introduced = [...(await errorsNow())].filter((line) => !errorsBefore.has(line));
	if (introduced.length > 0) {
		if (before === undefined) await rm(target, { force: true });
		else await writeFile(target, before);
		throw new ImportError(`These redirects would not pass the content checks, so nothing was changed:\n${introduced.join('\n')}`);
	}
	return report;
}

/** The summary printed by `npm run import -- redirects`. */
export function formatRedirectsReport(report: RedirectsReport, dryRun: boolean): string {
	const lines = [`${dryRun ? 'Dry run, nothing written: would add' : 'Added'} ${report.added.length} redirect(s) to ${report.file}.`];
	if (report.kept.length > 0) lines.push('', `Already in ${report.file}, kept as they are (${report.kept.length}):`, ...report.kept.map((item) => `  ${item.from} → ${item.to}`));
	if (report.skipped.length > 0) lines.push('', `Skipped (${report.skipped.length}):`, ...report.skipped.map((item) => `  ${item.item}: ${item.reason}`));
	if (!dryRun && report.added.length > 0) lines.push('', 'Next: npm run check, then npm run build.');
	return lines.join('\n');
}
