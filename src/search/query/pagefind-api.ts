/** The part of Pagefind's browser API (pagefind.js) that the help center uses. */

export interface PagefindSubResult {
	title: string;
	url: string;
	/** HTML-escaped text with `<mark>` around matches. */
	excerpt: string;
	anchor?: { element: string; id: string; text?: string };
}

export interface PagefindResultData {
	url: string;
	excerpt: string;
	/** The indexed text; `locations` are the positions of matched words in it, counted in words. */
	content: string;
	locations: number[];
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
	sub_results: PagefindSubResult[];
}

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
	/** Per filter, per value: how many results that value would leave, given the filters applied. */
	filters: Record<string, Record<string, number>>;
	/** The same counts with no filter applied. */
	totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
	filters?: Record<string, string | string[]>;
}

export interface PagefindOptions {
	basePath?: string;
	baseUrl?: string;
	excerptLength?: number;
	noWorker?: boolean;
	ranking?: {
		termFrequency?: number;
		termSimilarity?: number;
		pageLength?: number;
		termSaturation?: number;
		metaWeights?: Record<string, number>;
	};
}

export interface Pagefind {
	options(options: PagefindOptions): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

/**
 * How the help center tunes Pagefind: title first (Pagefind's default ×5), then the article's keywords and the
 * synonyms of words in its title, headings and keywords, while synonyms of body words count like body text.
 * Shared by the browser and the relevance benchmark so that both rank alike.
 */
export const pagefindOptions: PagefindOptions = {
	excerptLength: 22,
	ranking: {
		metaWeights: {
			title: 5,
			keywords: 3,
			synonyms_title: 4,
			synonyms_terms: 2,
			synonyms_body: 0.6,
			category: 0.5,
			updated: 0,
		},
	},
};
