import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Pagefind } from '../../src/search/query/pagefind-api.ts';
import { searchHelpCenter } from '../../src/search/query/search-help-center.ts';
import type { NodeSearch } from './node-pagefind.ts';
import { projectRoot } from './bench-project.ts';

const querySchema = z.strictObject({
	query: z.string().min(1),
	/** The file name of the article that answers, or several when more than one does. */
	expected: z.union([z.string(), z.array(z.string()).min(1)]).transform((value) => (Array.isArray(value) ? value : [value])),
	kind: z.enum(['term', 'question', 'synonym', 'typo', 'accent', 'plural']),
});

const fixtureSchema = z.strictObject({ locale: z.string(), description: z.string(), queries: z.array(querySchema).min(60) });

export type QualityQuery = z.output<typeof querySchema>;

/** The checked-in query → article pairs of a locale (tests/fixtures/search-queries.<locale>.json). */
export function qualityQueries(locale: string): QualityQuery[] {
	const file = `${projectRoot}tests/fixtures/search-queries.${locale}.json`;
	return fixtureSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).queries;
}

export interface QueryScore {
	query: QualityQuery;
	/** 1-based position of the first expected article, or undefined when not in the results. */
	rank: number | undefined;
	top: string[];
}

const slugOf = (url: string) => url.replace(/[?#].*$/, '').split('/').pop() ?? '';

async function rankOf(query: QualityQuery, results: { data(): Promise<{ url: string }> }[]): Promise<QueryScore> {
	const top = await Promise.all(results.slice(0, 10).map(async (result) => slugOf((await result.data()).url)));
	const index = top.findIndex((slug) => query.expected.includes(slug));
	return { query, rank: index >= 0 ? index + 1 : undefined, top: top.slice(0, 3) };
}

/** Runs each query through the help center's pipeline (as the browser does) and scores the ranking. */
export async function scorePipeline(search: NodeSearch, locale: string, queries: QualityQuery[]): Promise<QueryScore[]> {
	const pagefind = search.pagefind(locale);
	const scores: QueryScore[] = [];
	for (const query of queries) {
		const outcome = await searchHelpCenter(pagefind, { query: query.query, language: locale, complete: true, vocabulary: () => search.vocabulary(locale) });
		scores.push(await rankOf(query, outcome.results));
	}
	return scores;
}

/** The baseline: the same index searched with the query as typed and Pagefind's default ranking. */
export async function scorePlainPagefind(pagefind: Pagefind, queries: QualityQuery[]): Promise<QueryScore[]> {
	const scores: QueryScore[] = [];
	for (const query of queries) scores.push(await rankOf(query, (await pagefind.search(query.query)).results));
	return scores;
}

/** Share of queries whose article is within the first `n` results. */
export function hitRate(scores: QueryScore[], n: number): number {
	return scores.filter((score) => score.rank !== undefined && score.rank <= n).length / Math.max(1, scores.length);
}
