/**
 * `npm run bench:search` — search speed on a generated 10,000-article help center, against Pagefind's own UI.
 *
 * Generates the articles (scripts/lib/generate-corpus.ts) into a temporary copy of the project, builds it, serves
 * it with `wrangler dev`, and has Chromium play shoppers, each with a fresh profile (nothing cached): open an
 * article, click into the search box, start typing a few words 300 ms later at 150 ms per character. It prints,
 * for our interface and for pagefind-ui.js (the default UI that Pagefind's build emits, on a copy of the same
 * article page), on loopback and under Lighthouse's mobile network throttling (medians over the shoppers):
 * - what search downloaded (requests, bytes on the wire) from the page's start to the first results on screen;
 * - the time from the keystroke of those first results to the frame showing them;
 * - the time from each later keystroke to the screen showing its results (or those of a later keystroke, when
 *   the next key comes first).
 *
 * Exits non-zero when a target of our interface is missed. Options: `--articles <n>` (default 10000), `--keep`
 * keeps the generated project and prints its folder, `--site <folder>` reuses one kept before (no generation,
 * no build).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';
import { countFiles, createBenchProject } from './lib/bench-project.ts';
import { median } from './lib/median.ts';
import { loopback, mobileNetwork, runShopper, type Network, type RunResult, type SearchInterface } from './lib/search-timing.ts';
import { startWorker } from './lib/worker-server.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false }, site: { type: 'string' } } });

// What shoppers type on a shop's help center, in words of the generated corpus.
const phrases = ['refund to card', 'parcel late', 'warranty repair', 'password reset', 'cashmere jumper', 'customs duties', 'gift card balance', 'tracking number'];
const targets = { coldKB: 150, coldRequests: 8, loopbackFirst: 150, throttledFirst: 1_500, later: 20 };

let root = values.site;
let project: ReturnType<typeof createBenchProject> | undefined;
if (!root) {
	const started = performance.now();
	project = createBenchProject({ articles: { en: Number(values.articles) } });
	console.log(`Generated ${project.articles.length} articles (${Math.round(project.articles.reduce((sum, article) => sum + article.words, 0) / project.articles.length)} words on average) in ${Math.round(performance.now() - started)} ms.`);
	const buildMs = await project.build();
	console.log(`Built in ${(buildMs / 1000).toFixed(1)} s: ${countFiles(join(project.root, 'dist/client'))} files in dist/client, ${countFiles(join(project.root, 'dist/client/pagefind'))} of them search files.`);
	root = project.root;
}

// The baseline page: the same article, with Pagefind's default UI instead of ours.
const client = join(root, 'dist/client');
const firstCategory = readdirSync(join(client, 'en'), { withFileTypes: true }).find((entry) => entry.isDirectory())?.name ?? '';
const article = readdirSync(join(client, 'en', firstCategory)).find((name) => name.endsWith('.html')) ?? '';
const articlePath = `/en/${firstCategory}/${article.replace(/\.html$/, '')}`;
const articleHtml = readFileSync(join(client, 'en', firstCategory, article), 'utf8');
const defaultUi = articleHtml
	.replace(/<form class="search-form"[\s\S]*?<\/form>/, '')
	.replace(/<script type="module">[^<]*search-ui[^<]*<\/script>/, '')
	.replace(
		'<main id="main" tabindex="-1">',
		'<main id="main" tabindex="-1"><link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script><div class="container" id="default-search"></div><script>addEventListener("DOMContentLoaded", () => new PagefindUI({ element: "#default-search", showSubResults: true, showImages: false }));</script>',
	);
mkdirSync(join(client, 'bench'), { recursive: true });
writeFileSync(join(client, 'bench/pagefind-ui.html'), defaultUi);

const worker = await startWorker({ cwd: root });
const browser = await launchChromium();
const results = new Map<string, RunResult[]>();
try {
	const pages: Record<SearchInterface, string> = { 'help-center': articlePath, 'pagefind-ui': '/bench/pagefind-ui' };
	for (const network of [loopback, mobileNetwork] as Network[]) {
		for (const ui of ['help-center', 'pagefind-ui'] as SearchInterface[]) {
			const runs: RunResult[] = [];
			for (const phrase of phrases) {
				runs.push(await runShopper(browser, { url: `${worker.url}${pages[ui]}`, ui, network, phrase, reactionMs: 300, keystrokeMs: 150 }));
			}
			results.set(`${ui}|${network.name}`, runs);
		}
	}
} finally {
	await browser.close();
	await worker.stop();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const table: Record<string, Record<string, string>> = {};
for (const ui of ['help-center', 'pagefind-ui'] as SearchInterface[]) {
	const fast = results.get(`${ui}|${loopback.name}`) ?? [];
	const slow = results.get(`${ui}|${mobileNetwork.name}`) ?? [];
	table[ui === 'help-center' ? 'help center search' : 'Pagefind default UI'] = {
		'cold: transferred': kb(median(fast.map((run) => run.coldBytes))),
		'cold: requests': String(median(fast.map((run) => run.coldRequests))),
		'first results, loopback': ms(median(fast.map((run) => run.firstQuery))),
		'first results, mobile': ms(median(slow.map((run) => run.firstQuery))),
		'later keys, loopback': ms(median(fast.flatMap((run) => run.laterKeystrokes))),
		'later keys, mobile': ms(median(slow.flatMap((run) => run.laterKeystrokes))),
	};
}
table['target (help center)'] = {
	'cold: transferred': `≤ ${targets.coldKB} KB`,
	'cold: requests': `≤ ${targets.coldRequests}`,
	'first results, loopback': `≤ ${targets.loopbackFirst} ms`,
	'first results, mobile': `≤ ${targets.throttledFirst} ms`,
	'later keys, loopback': `≤ ${targets.later} ms`,
	'later keys, mobile': '',
};
console.log(`\n${phrases.length} shoppers per row (medians), fresh browser profile each, on a ${values.site ? 'kept' : 'generated'} site of ${values.articles} articles.`);
console.table(table);

console.log('Our interface, shopper by shopper:');
const byPhrase: Record<string, Record<string, string>> = {};
phrases.forEach((phrase, index) => {
	const fast = results.get(`help-center|${loopback.name}`)?.[index];
	const slow = results.get(`help-center|${mobileNetwork.name}`)?.[index];
	if (!fast || !slow) return;
	byPhrase[phrase] = {
		transferred: kb(fast.coldBytes),
		requests: String(fast.coldRequests),
		'first, loopback': ms(fast.firstQuery),
		'first, mobile': ms(slow.firstQuery),
		'later keys, loopback': fast.laterKeystrokes.map((value) => Math.round(value)).join(' '),
	};
});
console.table(byPhrase);

// Where the cold bytes go, for our interface: the same for every query but the index chunks and fragments.
const breakdown = new Map<string, number[]>();
for (const run of results.get(`help-center|${loopback.name}`) ?? []) {
	const byKind = new Map<string, number>();
	for (const file of run.coldFiles) {
		const kind = file.path.replace(/^\/pagefind\/(index|fragment|filter)\/.*$/, 'pagefind/$1/*').replace(/^\/_astro\/search-ui\..*$/, 'search interface').replace(/^\/pagefind\//, 'pagefind/').replace(/\.[0-9a-f]{10}\.pf_meta$|_[0-9a-f]+\.pf_meta$/, '.pf_meta');
		byKind.set(kind, (byKind.get(kind) ?? 0) + file.bytes);
	}
	for (const [kind, bytes] of byKind) breakdown.set(kind, [...(breakdown.get(kind) ?? []), bytes]);
}
console.log('Cold transfer of our interface, by file (median over the shoppers):');
console.table(Object.fromEntries([...breakdown].map(([kind, sizes]) => [kind, { transferred: kb(median(sizes)), 'in runs': sizes.length }])));

const ours = (network: Network) => results.get(`help-center|${network.name}`) ?? [];
const misses = [
	median(ours(loopback).map((run) => run.coldBytes)) > targets.coldKB * 1024 && 'cold transfer',
	median(ours(loopback).map((run) => run.coldRequests)) > targets.coldRequests && 'cold requests',
	median(ours(loopback).map((run) => run.firstQuery)) > targets.loopbackFirst && 'first results on loopback',
	median(ours(mobileNetwork).map((run) => run.firstQuery)) > targets.throttledFirst && 'first results on mobile',
	median(ours(loopback).flatMap((run) => run.laterKeystrokes)) > targets.later && 'later keystrokes',
].filter(Boolean);
console.log(misses.length > 0 ? `Above target: ${misses.join(', ')}.` : 'Every target met.');
process.exitCode = misses.length > 0 ? 1 : 0;
if (project && !values.keep) project.remove();
else console.log(`Site kept in ${root} (reuse it with --site ${root}).`);
