import type { SearchIndexSummary } from './build-index.ts';

/** What an index holds, for the build's log, by language: `en: 40 articles, 2113 words; fr: …`. */
export function describeSearchIndex(index: SearchIndexSummary): string {
	return Object.entries(index.pages)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([language, count]) => `${language}: ${count} articles, ${index.words[language] ?? 0} words`)
		.join('; ');
}
