import type { PagefindResultData } from '../query/pagefind-api.ts';
import { searchHelpCenter, type SearchOutcome } from '../query/search-help-center.ts';
import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import { contentWords } from '../query/words.ts';
import { likelyNextQuery } from '../query/look-ahead.ts';
import { loadPagefind, loadVocabulary } from './pagefind-loader.ts';
import { otherLanguages } from './summary.ts';

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
 * The first two letters of a word start too many indexed words: searching them would download a large part of
 * the index. A new word is searched from its third letter, or when the shopper stops typing this long. From the
 * third letter on, it is searched at once: the index part it needs is the one its longer forms need too, and
 * searches never overlap, so keys typed during a search are searched together once it ends.
 */
const shortWordPause = 400;

/** How many letters ahead of the shopper the look-ahead searches, at most. */
const lookAheadLetters = 3;

/** A search's view, with the data of the results it shows. */
interface Found {
	view: SearchView;
	data: PagefindResultData[];
}

/** Runs `task` once the browser has nothing more urgent to do (painting the results just rendered). */
function whenIdle(task: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 300 });
	else setTimeout(task, 50);
}

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

/** The vocabularies of the site's other languages, which every page's search form names. */
async function otherVocabularies(language: string) {
	const form = document.querySelector<HTMLElement>('[data-search-form]');
	const codes = form ? otherLanguages(form).map((other) => other.code).filter((code) => code !== language) : [];
	const loaded = await Promise.all(codes.map(loadVocabulary));
	return loaded.filter((vocabulary) => vocabulary !== undefined);
}

export interface SessionOptions {
	language: string;
	/** How many results to load (titles and excerpts) per search. */
	limit: number;
	/** Matching sections to show under each result. */
	sections: number;
	category?: () => string | undefined;
	/** Whether to search ahead, while the shopper types a word, the text their next key most likely makes. */
	lookAhead?: boolean;
	/** Gets each search's results (`view.query` says for which text), or undefined and an error; never called for text typed over. */
	render: (view: SearchView | undefined, error?: unknown) => void;
}

/**
 * Runs searches as the shopper types: at once, unless a new word has fewer than three letters (then after a pause
 * in typing), so that a word being typed does not download the index for each of its first letters. Searches never
 * overlap; only the latest query is run, and nothing more is fetched for a query typed over. Optionally, while the
 * shopper is in the middle of a word, the text of their likely next key is searched ahead.
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
		if (complete || !cold.some((word) => word.length < 3)) start();
		else this.#timer = setTimeout(start, shortWordPause);
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
				let found: Found | undefined;
				let failure: unknown;
				try {
					found = await this.#search(query, complete, limit);
				} catch (error) {
					failure = error;
				}
				if (!this.#queued) {
					this.#options.render(found?.view, failure);
					if (found) this.#prefetch(found.view);
					const next = found && this.#options.lookAhead && !complete ? likelyNextQuery(query, found.data) : undefined;
					if (next) this.#searchAhead(next, limit);
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
		whenIdle(load);
	}

	/**
	 * Searches the text the shopper's next key most likely makes (see {@link likelyNextQuery}) while their finger is
	 * in the air: the search and the excerpts it needs are then remembered, and that key shows its results at once.
	 * While nothing is typed, it goes on guessing from its own results, a letter at a time, up to
	 * {@link lookAheadLetters} letters ahead: one search can take longer than the time between two keys, and a guess
	 * made early is ready by the time its key comes. It takes its turn like any search, so it never overlaps one; a
	 * key pressed meanwhile waits for the current guess at most.
	 */
	#searchAhead(query: string, limit: number, letters = 1): void {
		whenIdle(async () => {
			if (this.#queued || this.#running) return;
			this.#running = true;
			let found: Found | undefined;
			try {
				found = await this.#search(query, false, limit);
			} catch {
				// Only a guess: the real search reports its own errors.
			} finally {
				this.#running = false;
			}
			if (this.#queued) {
				void this.#drain();
				return;
			}
			const next = found && letters < lookAheadLetters ? likelyNextQuery(query, found.data) : undefined;
			if (next) this.#searchAhead(next, limit, letters + 1);
		});
	}

	/** The shopper typed on: a newer query is waiting. */
	#overtaken(): boolean {
		return this.#queued !== undefined;
	}

	async #search(query: string, complete: boolean, limit: number): Promise<Found | undefined> {
		const { language, sections } = this.#options;
		const pagefind = await loadPagefind();
		const outcome = await searchHelpCenter(pagefind, {
			query,
			language,
			category: this.#options.category?.(),
			complete,
			vocabulary: () => loadVocabulary(language),
			otherVocabularies: () => otherVocabularies(language),
			superseded: () => this.#overtaken(),
			shown: limit,
		});
		for (const word of contentWords(outcome.query, language)) this.#searchedWords.add(word);
		// Typed on meanwhile: these results will not be shown, so their excerpts are not worth downloading.
		if (this.#overtaken()) return undefined;
		const data = await Promise.all(outcome.results.slice(0, limit).map((result) => result.data()));
		return { view: { query, outcome, results: data.map((item, index) => toView(item, index + 1, sections)) }, data };
	}
}
