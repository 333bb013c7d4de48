/**
 * `npm run bench:build -- --articles 10000 [--locales en,fr] [--mdx-share 0.3] [--edit] [--keep] [--baseline <rev> [--rounds 3]]`
 *
 * Generates a realistic corpus (about 600 words per article, headings, lists, tables, internal links; a share
 * of the articles use MDX components, the rest are plain Markdown) in a throwaway copy of the project, builds
 * and indexes it as `npm run build` does (`astro build`, then the search index in its own process), and prints
 * wall time, CPU time, peak memory (all processes of the build, and per step), the output's file count and size,
 * per stage, and pages per second. With `--edit`, it then changes one article and builds again,
 * to measure a rebuild against the cold build. `--articles` is per locale. With `--baseline <git revision>
 * [--rounds 3]`, it builds the same corpus with that revision's code and with this code in turns, and prints the
 * medians of both side by side.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchProject, createRevisionCopy } from './lib/bench-project.ts';
import { siteBuildSteps, type SiteBuildStep } from './lib/site-build.ts';
import { assetLimits, countOutputFiles } from './lib/asset-limits.ts';
import { median } from './lib/median.ts';

const { values } = parseArgs({
	options: {
		articles: { type: 'string', default: '1000' },
		locales: { type: 'string', default: 'en' },
		'mdx-share': { type: 'string', default: '0.3' },
		edit: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		baseline: { type: 'string' },
		rounds: { type: 'string', default: '3' },
	},
});
const perLocale = Number(values.articles);
const locales = values.locales.split(',').map((locale) => locale.trim()) as ('en' | 'fr')[];
const mdxShare = Number(values['mdx-share']);

/** Resident memory of a process and all its descendants, in bytes, from /proc. */
function treeRss(rootPid: number): number {
	const parents = new Map<number, number>();
	const rss = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parents.set(Number(entry), Number(fields[1]));
			rss.set(Number(entry), Number(fields[21]) * 4096);
		} catch {
			// The process ended while we read: it no longer counts.
		}
	}
	let total = 0;
	for (const [pid, bytes] of rss) {
		for (let ancestor: number | undefined = pid; ancestor !== undefined && ancestor > 1; ancestor = parents.get(ancestor)) {
			if (ancestor === rootPid) {
				total += bytes;
				break;
			}
		}
	}
	return total;
}

interface BuildFigures {
	wallSeconds: number;
	cpuSeconds: number | undefined;
	/** The highest memory of all the build's processes together, sampled across both steps. */
	peakMemoryBytes: number;
	/** The same, per step. */
	stepPeaks: Record<SiteBuildStep['name'], number>;
	stages: Record<string, number>;
}

/** Astro's printed durations, in seconds: "350ms", "38.89s", "1m 2s". */
function astroDuration(text: string | undefined): number {
	const match = /^(?:(\d+)m ?)?([\d.]+)(ms|s)$/.exec(text ?? '');
	if (!match) return Number.NaN;
	return Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
}

interface StepRun {
	wallSeconds: number;
	cpuSeconds: number | undefined;
	peakMemoryBytes: number;
	output: string;
}

/** Runs one step of the build in `root`, measuring its process tree from outside: wall time, CPU time, peak memory. */
async function measuredStep(root: string, step: SiteBuildStep): Promise<StepRun> {
	const useTime = existsSync('/usr/bin/time');
	const command = useTime ? '/usr/bin/time' : process.execPath;
	const args = useTime ? ['-f', 'cpu %U %S', process.execPath, ...step.args] : step.args;
	const started = performance.now();
	const child = spawn(command, args, {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		// Node's own heap limit, as `npm run build` has it: a larger one only lets the heap, and the peak, grow further.
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HELP_CENTER_BUILD_MARKS: '1' },
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 100);
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	clearInterval(sampler);
	const wallSeconds = (performance.now() - started) / 1000;
	if (code !== 0) throw new Error(`${step.name} failed:\n${output.slice(-4000)}`);
	// The last such line is /usr/bin/time's: the step's own output comes before it.
	const cpu = [...output.matchAll(/^cpu ([\d.]+) ([\d.]+)$/gm)].at(-1);
	return { wallSeconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, peakMemoryBytes: peak, output };
}

/**
 * Builds `root` as `npm run build` does, step by step: Astro's build, split into stages by its marks, then the search
 * index in its own process, which is the stage 'index (search)'. Time and memory cover both processes.
 */
async function measuredBuild(root: string, scriptsRoot?: string): Promise<BuildFigures> {
	const started = performance.now();
	const runs = new Map<SiteBuildStep['name'], StepRun>();
	for (const step of siteBuildSteps(root, [], scriptsRoot)) runs.set(step.name, await measuredStep(root, step));
	const astro = runs.get('astro build');
	const index = runs.get('search index');
	if (!astro || !index) throw new Error('The build has no astro build or search index step.');
	const output = astro.output;
	const marks = new Map([...output.matchAll(/^build-mark (\S+) ([\d.]+)$/gm)].map((match) => [match[1] ?? '', Number(match[2])]));
	const at = (name: string) => marks.get(name) ?? Number.NaN;
	const renderSeconds = astroDuration(/prerendering static routes[\s\S]*?Completed in ((?:\d+m ?)?[\d.]+m?s)/.exec(output)?.[1]);
	const wallSeconds = (performance.now() - started) / 1000;
	const stages = {
		'start-up': at('config-done') / 1000,
		'content sync': (at('build-start') - at('config-done')) / 1000,
		'bundle (server and client)': (at('build-generated') - at('build-start')) / 1000 - renderSeconds,
		'render (prerender)': renderSeconds,
		'build:done hooks': (at('build-done-last') - at('build-done-first')) / 1000,
		'index (search)': index.wallSeconds,
	};
	const accounted = Object.values(stages).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0);
	// The index step's own phases, inside its stage (not added to it): when several processes index, the longest.
	const indexPhases = new Map<string, number>();
	for (const [, name = '', milliseconds] of index.output.matchAll(/^search-phase (.+) (\d+)$/gm)) {
		const stage = `index, of which ${name}`;
		indexPhases.set(stage, Math.max(indexPhases.get(stage) ?? 0, Number(milliseconds) / 1000));
	}
	return {
		wallSeconds,
		cpuSeconds: astro.cpuSeconds === undefined || index.cpuSeconds === undefined ? undefined : astro.cpuSeconds + index.cpuSeconds,
		peakMemoryBytes: Math.max(astro.peakMemoryBytes, index.peakMemoryBytes),
		stepPeaks: { 'astro build': astro.peakMemoryBytes, 'search index': index.peakMemoryBytes },
		stages: { ...stages, ...Object.fromEntries(indexPhases), other: wallSeconds - accounted },
	};
}

function folderSize(directory: string): number {
	let size = 0;
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const path = join(directory, entry.name);
		size += entry.isDirectory() ? folderSize(path) : statSync(path).size;
	}
	return size;
}

const format = {
	seconds: (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)} s`),
	bytes: (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`,
};

function report(label: string, figures: BuildFigures, pages: number) {
	console.log(`\n${label}`);
	console.table({
		'wall time': format.seconds(figures.wallSeconds),
		'CPU time': format.seconds(figures.cpuSeconds),
		'peak memory (all build processes)': format.bytes(figures.peakMemoryBytes),
		...Object.fromEntries(Object.entries(figures.stepPeaks).map(([step, bytes]) => [`peak memory: ${step}`, format.bytes(bytes)])),
		'pages per second': (pages / figures.wallSeconds).toFixed(0),
		...Object.fromEntries(Object.entries(figures.stages).map(([stage, seconds]) => [`stage: ${stage}`, format.seconds(seconds)])),
	});
}

/**
 * Cold builds of the same corpus with the code of `revision` and with this code, `rounds` times each, taking turns:
 * on a shared machine, timings drift more between runs than most changes move them, so a change is only measured
 * against a baseline built in the same run. Which goes first alternates, because the second of two back-to-back
 * builds tends to be the slower one.
 */
async function compareWithRevision(project: { root: string }, revision: string, rounds: number) {
	const baseline = createRevisionCopy(project.root, revision);
	const variants = { [revision]: { root: baseline.root, scriptsRoot: baseline.root }, 'this code': { root: project.root, scriptsRoot: undefined } };
	const runs = new Map<string, BuildFigures[]>(Object.keys(variants).map((name) => [name, []]));
	try {
		for (let round = 0; round < rounds; round++) {
			const names = Object.keys(variants);
			for (const name of round % 2 === 0 ? names : names.reverse()) {
				const variant = variants[name] as { root: string; scriptsRoot: string | undefined };
				rmSync(join(variant.root, 'dist'), { recursive: true, force: true });
				rmSync(join(variant.root, 'node_modules/.astro'), { recursive: true, force: true });
				const figures = await measuredBuild(variant.root, variant.scriptsRoot);
				runs.get(name)?.push(figures);
				console.log(`round ${round + 1}, ${name}: ${format.seconds(figures.wallSeconds)}, peak ${format.bytes(figures.peakMemoryBytes)}`);
			}
		}
	} finally {
		if (!values.keep) baseline.remove();
	}
	const rows: Record<string, (figures: BuildFigures) => number | undefined> = {
		'wall time': (figures) => figures.wallSeconds,
		'CPU time': (figures) => figures.cpuSeconds,
		...Object.fromEntries(Object.keys(runs.get('this code')?.[0]?.stages ?? {}).map((stage) => [`stage: ${stage}`, (figures: BuildFigures) => figures.stages[stage]])),
	};
	const [before, after] = [...runs.values()];
	const table: Record<string, Record<string, string>> = {};
	for (const [row, pick] of Object.entries(rows)) {
		const [a, b] = [median((before ?? []).map((figures) => pick(figures) ?? Number.NaN)), median((after ?? []).map((figures) => pick(figures) ?? Number.NaN))];
		table[row] = { [revision]: format.seconds(a), 'this code': format.seconds(b), change: Number.isFinite(a) && Number.isFinite(b) ? `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(1)} s` : 'n/a' };
	}
	const [peakBefore, peakAfter] = [median((before ?? []).map((figures) => figures.peakMemoryBytes)), median((after ?? []).map((figures) => figures.peakMemoryBytes))];
	table['peak memory'] = { [revision]: format.bytes(peakBefore), 'this code': format.bytes(peakAfter), change: `${peakAfter - peakBefore >= 0 ? '+' : ''}${format.bytes(peakAfter - peakBefore)}` };
	console.log(`\nMedians of ${rounds} cold builds each`);
	console.table(table);
}

const project = createBenchProject({ articles: Object.fromEntries(locales.map((locale) => [locale, perLocale])), translated: true, locales, mdxShare });
const kinds = project.kinds;
console.log(`Generated ${project.articles.length} articles (${kinds.mdx} MDX, ${kinds.md} Markdown) in ${locales.join(', ')} at ${project.root}`);
if (values.baseline) {
	if (values.edit) {
		console.error('--baseline compares cold builds; measure a rebuild (--edit) in a run of its own.');
		process.exit(1);
	}
	try {
		await compareWithRevision(project, values.baseline, Math.max(1, Number(values.rounds) || 1));
	} finally {
		if (!values.keep) project.remove();
	}
	process.exit(0);
}

try {
	const cold = await measuredBuild(project.root);
	const client = join(project.root, 'dist/client');
	const files = countOutputFiles(client);
	const pages = files.html;
	report(`Cold build of ${project.articles.length} articles`, cold, pages);
	console.table({
		'files in dist/client': files.total,
		'HTML pages': files.html,
		'search index files': files.search,
		'Markdown twins': files.markdown,
		'files per article': (files.total / project.articles.length).toFixed(2),
		'size of dist/client': format.bytes(folderSize(client)),
		'Workers Free plan (20,000 files)': files.total <= assetLimits.free ? 'fits' : `over by ${files.total - assetLimits.free}`,
		'Workers Paid plan (100,000 files)': files.total <= assetLimits.paid ? 'fits' : `over by ${files.total - assetLimits.paid}`,
	});
	if (values.edit) {
		const [first] = project.articles;
		const extension = existsSync(join(project.root, 'content', first?.locale ?? '', first?.category ?? '', `${first?.slug}.mdx`)) ? 'mdx' : 'md';
		const path = join(project.root, 'content', first?.locale ?? '', first?.category ?? '', `${first?.slug}.${extension}`);
		writeFileSync(path, `${readFileSync(path, 'utf8')}\n\nOne more sentence, added to measure a rebuild.\n`);
		const rebuild = await measuredBuild(project.root);
		report('Rebuild after editing one article', rebuild, pages);
		console.log(`Rebuild / cold build: ${(rebuild.wallSeconds / cold.wallSeconds).toFixed(2)}`);
	}
} finally {
	if (!values.keep) project.remove();
}
