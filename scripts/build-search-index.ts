/**
 * `node scripts/build-search-index.ts [--root <project>] [--jobs <n>]` — the second step of `npm run build`: builds
 * the search index of the site that `astro build` wrote to `<root>/dist/client`, into `dist/client/pagefind/`, then
 * reports the output's files against Workers' limits.
 *
 * It runs in a process of its own once Astro has exited: Astro keeps the memory rendering took until it exits, and
 * Pagefind's process would add its own on top, so the build's peak memory is the larger of the two, not their sum.
 *
 * Pagefind indexes on one core. A site in several locales is indexed by up to `--jobs` processes at once (by default
 * one per core), each over some locales' folders; their bundles are then merged into the one a single process would
 * have written (src/search/build/merge-bundles.ts). `--folders`/`--except` and `--output` run one such process.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assetLimitMessages, countOutputFiles } from './lib/asset-limits.ts';
import { writeSearchIndex } from '../src/search/build/build-index.ts';
import { builtPages } from '../src/search/build/built-pages.ts';
import { searchBundlePath } from '../src/search/bundle-layout.ts';
import { describeSearchIndex, searchIndexSummary, type SearchIndexSummary } from '../src/search/build/index-summary.ts';
import { mergeSearchBundles } from '../src/search/build/merge-bundles.ts';
import { readSearchSettings } from '../src/search/build/search-settings.ts';

const { values } = parseArgs({
	options: {
		root: { type: 'string', default: '.' },
		jobs: { type: 'string', default: String(availableParallelism()) },
		folders: { type: 'string' },
		except: { type: 'string' },
		output: { type: 'string' },
	},
});
const root = resolve(values.root);
const client = join(root, 'dist/client');
const warn = (message: string) => console.warn(`Warning: ${message}`);
const list = (text: string | undefined) => (text ? text.split(',') : []);

/** One part of the index: the pages of some top-level folders (`folders`), or of all but some (`except`). */
interface Part {
	folders?: string[];
	except?: string[];
}

function partArgs(part: Part): string[] {
	return part.folders ? ['--folders', part.folders.join(',')] : ['--except', (part.except ?? []).join(',')];
}

/** Indexes one part in a process of its own, into `output`; resolves to what it indexed. */
function indexInChild(part: Part, output: string): Promise<SearchIndexSummary> {
	return new Promise((resolvePart, reject) => {
		const child = spawn(process.execPath, [import.meta.filename, '--root', root, ...partArgs(part), '--output', output], { stdio: ['ignore', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`Indexing ${partArgs(part).join(' ')} failed (exit code ${code}).`));
			resolvePart(searchIndexSummary.parse(JSON.parse(stdout)));
		});
	});
}

if (!existsSync(client)) {
	console.error(`${client} is missing: build the site first (\`npm run build\` runs \`astro build\`, then this).`);
	process.exit(1);
}

const settings = readSearchSettings(root, values.output ? () => {} : warn);
const include = (part: Part) => (name: string) => (part.folders ? part.folders.includes(name) : !(part.except ?? []).includes(name));

if (values.output) {
	// One part, for the process that indexes the whole site: it reads what this prints.
	const part: Part = values.folders !== undefined ? { folders: list(values.folders) } : { except: list(values.except) };
	const summary = await writeSearchIndex(builtPages(client, include(part)), settings.synonyms, values.output);
	process.stdout.write(JSON.stringify(summary));
	process.exit(0);
}

const started = performance.now();
const output = join(client, searchBundlePath);
// Run twice on one build, the index must not keep files of the first run.
await rm(output, { recursive: true, force: true });
const jobs = Math.max(1, Math.min(Number(values.jobs) || 1, settings.locales.length));
let index: SearchIndexSummary;
if (jobs === 1) {
	index = await writeSearchIndex(builtPages(client), settings.synonyms, output);
} else {
	// Each process but the first takes some locales' folders; the first takes everything else, whatever it is.
	const groups = Array.from({ length: jobs }, (_, job) => settings.locales.filter((_, position) => position % jobs === job));
	const parts: Part[] = groups.map((group, job) => (job === 0 ? { except: groups.slice(1).flat() } : { folders: group }));
	const partsDir = join(root, 'dist/search-index-parts');
	await rm(partsDir, { recursive: true, force: true });
	await mkdir(partsDir, { recursive: true });
	const outputs = parts.map((_, job) => join(partsDir, String(job)));
	const summaries = await Promise.all(parts.map((part, job) => indexInChild(part, outputs[job] as string)));
	await mergeSearchBundles(outputs, output);
	await rm(partsDir, { recursive: true, force: true });
	index = { pages: Object.assign({}, ...summaries.map((summary) => summary.pages)), words: Object.assign({}, ...summaries.map((summary) => summary.words)) };
}
console.log(`Search index (${describeSearchIndex(index)}) built in ${Math.round(performance.now() - started)} ms.`);

for (const message of assetLimitMessages(countOutputFiles(client))) {
	if (message.level === 'warn') warn(message.text);
	else console.log(message.text);
}
