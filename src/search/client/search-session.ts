import type { PagefindResultData } from '../pagefind-api.ts';
import { searchHelpCenter, type SearchOutcome } from '../pipeline.ts';
import { contentWords, normalizeQuery } from '../text.ts';
import { loadPagefind, loadVocabulary } from './pagefind-loader.ts';

export interface SectionView {
	title: string;
	url: string;
	/** HTML-escaped text with `<mark>` around matches, as Pagefind returns it. */
	excerpt: string;
}

export interface ResultView {
	/** 1-based position in the results. */
	rank: number;
	url: string;
	title: string;
	categoryId: string;
	categoryTitle: string;
	excerpt: string;
	/** The sections (headings) of the article that match best, with their own anchors. */
	sections: SectionView[];
}

export interface SearchView {
	/** What the shopper had typed for these results (they may have typed on since). */
	query: string;
	outcome: SearchOutcome;
	results: ResultView[];
}

/**
 * A new word is searched once typing pauses this long, so that a fast typist's keys do not each start a search
 * that downloads part of the index: shorter than the time between two keys of most shoppers.
 */
const typingPause = 40;
/**
 * The first two letters of a word start too many indexed words: searching them would download a large part of
 * the index. A new word is searched from its third letter, or when the shopper stops typing.
 */
const shortWordPause = 400;

function toView(data: PagefindResultData, rank: number, sections: number): ResultView {
	const categoryId = data.filters['category']?.[0] ?? '';
	return {
		rank,
		url: data.url,
		title: data.meta['title'] ?? data.url,
		categoryId,
		categoryTitle: data.meta['category'] ?? '',
		excerpt: data.excerpt,
		sections: data.sub_results
			.filter((section) => section.anchor && section.url !== data.url)
			.slice(0, sections)
			.map((section) => ({ title: section.title, url: section.url, excerpt: section.excerpt })),
	};
}

export interface SessionOptions {
	language: string;
	/** How many results to load (titles and excerpts) per search. */
	limit: number;
	/** Matching sections to show under each result. */
	sections: number;
	category?: () => string | undefined;
	/** Gets each search's results (`view.query` says for which text), or undefined and an error; never called for text typed over. */
	render: (view: SearchView | undefined, error?: unknown) => void;
}

/**
 * Runs searches as the shopper types: at once when the index parts the query needs are already loaded (the
 * words extend words searched before), otherwise after a short pause in typing (a longer one while a new word
 * has fewer than three letters), so that a word being typed does not download the index for each of its first
 * letters. Searches never overlap; only the latest query is run, and nothing more is fetched for a query typed
 * over.
 */
export class SearchSession {
	readonly #options: SessionOptions;
	readonly #searchedWords = new Set<string>();
	#queued: { query: string; complete: boolean; limit: number } | undefined;
	#running = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: SessionOptions) {
		this.#options = options;
	}

	/** Searches for `query` (what the input holds); `complete` when the shopper finished it (Enter, a link). */
	update(query: string, { complete = /\s$/.test(query), limit = this.#options.limit } = {}): void {
		clearTimeout(this.#timer);
		const words = contentWords(normalizeQuery(query), this.#options.language);
		const cold = words.filter((word) => ![...this.#searchedWords].some((searched) => word.startsWith(searched)));
		const start = () => {
			this.#queued = { query, complete, limit };
			void this.#drain();
		};
		if (cold.length === 0 || complete) start();
		else this.#timer = setTimeout(start, cold.some((word) => word.length < 3) ? shortWordPause : typingPause);
	}

	/** Forgets a scheduled search (the shopper cleared the box or left). */
	cancel(): void {
		clearTimeout(this.#timer);
		this.#queued = undefined;
	}

	async #drain(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		try {
			while (this.#queued) {
				const { query, complete, limit } = this.#queued;
				this.#queued = undefined;
				let view: SearchView | undefined;
				let failure: unknown;
				try {
					view = await this.#search(query, complete, limit);
				} catch (error) {
					failure = error;
				}
				if (!this.#queued) {
					this.#options.render(view, failure);
					if (view) this.#prefetch(view);
				}
			}
		} finally {
			this.#running = false;
		}
	}

	/**
	 * The next keystroke usually reorders the results shown with those just below them: loading the excerpts of
	 * those few while the shopper reads lets it show without waiting for the network.
	 */
	#prefetch(view: SearchView): void {
		const next = view.outcome.results.slice(view.results.length, view.results.length + 3);
		if (next.length === 0) return;
		const load = () => {
			if (!this.#queued && !this.#running) for (const result of next) void result.data().catch(() => undefined);
		};
		if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 300 });
		else setTimeout(load, 50);
	}

	/** The shopper typed on: a newer query is waiting. */
	#overtaken(): boolean {
		return this.#queued !== undefined;
	}

	async #search(query: string, complete: boolean, limit: number): Promise<SearchView | undefined> {
		const { language, sections } = this.#options;
		const pagefind = await loadPagefind();
		const outcome = await searchHelpCenter(pagefind, {
			query,
			language,
			category: this.#options.category?.(),
			complete,
			vocabulary: () => loadVocabulary(language),
			superseded: () => this.#overtaken(),
		});
		for (const word of contentWords(outcome.query, language)) this.#searchedWords.add(word);
		// Typed on meanwhile: these results will not be shown, so their excerpts are not worth downloading.
		if (this.#overtaken()) return undefined;
		const data = await Promise.all(outcome.results.slice(0, limit).map((result) => result.data()));
		return { query, outcome, results: data.map((item, index) => toView(item, index + 1, sections)) };
	}
}
