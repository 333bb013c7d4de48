/**
 * `npm run bench:search-quality` — builds nothing: run `npm run build` first. Searches the built index in Node
 * with the checked-in queries of each locale (tests/fixtures/search-queries.<locale>.json), through the same
 * pipeline as the browser, and prints the share of queries whose article is first and within the first three,
 * next to plain Pagefind (the query as typed, default ranking) on the same index. Exits non-zero when the top-3
 * hit rate of a locale is below 95%.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './lib/bench-project.ts';
import { searchBuiltSite } from './lib/node-pagefind.ts';
import { hitRate, qualityQueries, scorePipeline, scorePlainPagefind, type QueryScore } from './lib/search-quality.ts';

const target = 0.95;
const clientDir = join(projectRoot, 'dist/client');
if (!existsSync(join(clientDir, 'pagefind/pagefind.js'))) {
	console.error('No search index in dist/client: run `npm run build` first.');
	process.exit(1);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const search = await searchBuiltSite(clientDir);
const rows: Record<string, Record<string, string | number>> = {};
const misses: string[] = [];
let failed = false;
try {
	for (const locale of ['en', 'fr']) {
		const queries = qualityQueries(locale);
		const ours = await scorePipeline(search, locale, queries);
		const plain = await scorePlainPagefind(search.pagefind(locale, true), queries);
		rows[`${locale} help center`] = { queries: queries.length, 'top 1': percent(hitRate(ours, 1)), 'top 3': percent(hitRate(ours, 3)) };
		rows[`${locale} plain Pagefind`] = { queries: queries.length, 'top 1': percent(hitRate(plain, 1)), 'top 3': percent(hitRate(plain, 3)) };
		for (const kind of new Set(queries.map((query) => query.kind))) {
			const ofKind = (scores: QueryScore[]) => scores.filter((score) => score.query.kind === kind);
			rows[`${locale}   ${kind}`] = { queries: ofKind(ours).length, 'top 1': percent(hitRate(ofKind(ours), 1)), 'top 3': `${percent(hitRate(ofKind(ours), 3))} (plain ${percent(hitRate(ofKind(plain), 3))})` };
		}
		for (const score of ours.filter((score) => score.rank === undefined || score.rank > 3)) {
			misses.push(`${locale}  "${score.query.query}" → expected ${score.query.expected.join(' or ')}, got ${score.top.join(', ') || 'nothing'}${score.rank ? ` (rank ${score.rank})` : ''}`);
		}
		if (hitRate(ours, 3) < target) failed = true;
	}
} finally {
	await search.stop();
}
console.table(rows);
if (misses.length > 0) console.log(`Not in the top 3:\n  ${misses.join('\n  ')}`);
console.log(failed ? `Below the ${percent(target)} top-3 target.` : `Top-3 hit rate is at least ${percent(target)} in every locale.`);
process.exit(failed ? 1 : 0);
