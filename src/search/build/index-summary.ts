import { z } from 'zod';

/** What a search index holds; a process indexing part of the site prints it as JSON for the one that merges. */
export const searchIndexSummary = z.object({
	/** Indexed articles per language. */
	pages: z.record(z.string(), z.number()),
	/** Vocabulary size per language. */
	words: z.record(z.string(), z.number()),
});

export type SearchIndexSummary = z.infer<typeof searchIndexSummary>;

/** What an index holds, for the build's log, by language: `en: 40 articles, 2113 words; fr: …`. */
export function describeSearchIndex(index: SearchIndexSummary): string {
	return Object.entries(index.pages)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([language, count]) => `${language}: ${count} articles, ${index.words[language] ?? 0} words`)
		.join('; ');
}
