import type { Pagefind, PagefindResponse, PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import { contentWords, foldAccents, inflectionOf, inflectionsOf, isStopWord, readsAsAnotherLanguage, tokenize } from './words.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface SearchRequest {
	/** What the shopper typed. */
	query: string;
	/** The language of the index, for stop words. */
	language: string;
	/** Only articles of this category (its folder name). */
	category?: string | undefined;
	/**
	 * Whether the last word is finished (the shopper pressed Enter or typed a space). Otherwise it is searched as
	 * the start of a word, as Pagefind does.
	 */
	complete?: boolean;
	/** Loads the locale's vocabulary; called only when a query word looks misspelt. */
	vocabulary: () => Promise<Vocabulary | undefined>;
	/**
	 * Loads the vocabularies of the site's other languages, when a word looks misspelt: a word of theirs that this
	 * language lacks is not misspelt ("reset" on the French pages is not "reste"), and is left as typed.
	 */
	otherVocabularies?: () => Promise<Vocabulary[]>;
	/**
	 * Whether a newer query replaced this one while it ran (the shopper typed on): the pipeline then stops after
	 * the first search, downloading nothing more for results nobody will see.
	 */
	superseded?: () => boolean;
	/**
	 * How many of the first results the caller shows: their excerpts start downloading as soon as the first search
	 * returns, alongside the check of its best result, instead of one round trip after it.
	 */
	shown?: number;
}

export interface SearchOutcome {
	/** The normalised query (what events record). */
	query: string;
	/** When spelling was corrected: the words searched instead, to show "Showing results for …". */
	corrected?: string;
	/** True when no article has every word, and the results have some of them. */
	partial: boolean;
	results: PagefindResult[];
	/** Per category, how many results there are without the category filter; absent for partial results. */
	categoryCounts?: Record<string, number>;
}

const empty = (query: string): SearchOutcome => ({ query, partial: false, results: [] });

/** How many leading letters two words share. */
function sharedStart(a: string, b: string) {
	let length = 0;
	while (length < a.length && length < b.length && a[length] === b[length]) length++;
	return length;
}

/**
 * Whether a word found in an article is the typed word: the same start, allowing for another grammatical ending
 * (Pagefind matches stems: "deliveries" finds "delivery", "shipping" finds "ship") and, in long finished words, one
 * letter more. A misspelling that Pagefind matched to an indexed start of it ("delivry" → "delivered", "pase" →
 * "passe") is not. Neither is a shorter word found for a word still being typed (`typing`): its letters beyond it are
 * the start of the rest of the word, not a slip ("remboursem" is not "remboursée").
 */
function resembles(typed: string, found: string, language: string, typing: boolean) {
	const shared = sharedStart(typed, found);
	if (shared === typed.length) return true;
	const slack = inflectionOf(typed, language).length + (typed.length > 6 && !typing ? 1 : 0);
	const foundEnding = found.slice(shared);
	return typed.length - shared <= slack && (foundEnding === '' || inflectionsOf(language).includes(foundEnding) || foundEnding === 'y');
}

/**
 * Whether an article really contains every query word. When a word matches nothing, Pagefind falls back to the
 * longest indexed word it starts with ("adress" → "a"), which finds articles for the wrong reason: that is how a
 * misspelling shows up, and so does a word typed past the stem Pagefind indexed: "remboursem" starts no indexed stem
 * ("remboursement" is indexed as "rembours"), so Pagefind falls back to "rembourse", the stem of "remboursée". The
 * words matched are those at the result's locations, plus its searched metadata. `typing`: the last word is still
 * being typed.
 */
function containsAll(data: PagefindResultData, words: string[], language: string, typing: boolean): boolean {
	const text = data.content.split(/\s+/);
	const found = new Set<string>();
	for (const location of data.locations) for (const word of tokenize(text[location] ?? '')) found.add(foldAccents(word));
	for (const [key, value] of Object.entries(data.meta)) {
		if (key === 'title' || key === 'keywords' || key.startsWith('synonyms_')) for (const word of tokenize(value ?? '')) found.add(foldAccents(word));
	}
	return words.every((word, index) => {
		const typed = foldAccents(word);
		const last = typing && index === words.length - 1;
		for (const candidate of found) if (resembles(typed, candidate, language, last)) return true;
		return false;
	});
}

async function genuine(response: PagefindResponse, words: string[], language: string, typing: boolean): Promise<boolean> {
	const [top] = response.results;
	return top !== undefined && containsAll(await top.data(), words, language, typing);
}

/**
 * Tries the likeliest spellings of the misspelt words (up to three each) and keeps the one whose best article
 * scores highest, so that context decides between equally close words ("mot de pase" → "passe", not "page").
 * A word being typed that starts indexed words is not misspelt, but may be typed past the stem Pagefind indexed
 * ("remboursem"): its likeliest completions are tried too, and find what the finished word will. When no spelling
 * finds an article with every word, returns the likeliest one with no results, to search word by word.
 */
async function bestCorrection(
	words: string[],
	vocabulary: Vocabulary,
	others: Vocabulary[],
	request: SearchRequest,
	typingLast: boolean,
	run: (terms: string[]) => Promise<PagefindResponse>,
): Promise<{ words: string[]; response: PagefindResponse }> {
	const last = words.length - 1;
	const options = words.map((word, index) => {
		const typing = index === last && typingLast;
		if (vocabulary.has(word)) return [word];
		if (typing && vocabulary.hasPrefix(word)) return [word, ...vocabulary.completions(word)];
		if (others.some((other) => other.has(word) || (typing && other.hasPrefix(word)))) return [word];
		const corrections = vocabulary.corrections(word, { prefix: typing, skip: (candidate) => isStopWord(candidate, request.language) });
		// A corrected start may run past a stem as well ("remboursmen" → "remboursemen"): its likeliest word is searched.
		const likeliest = typing ? corrections.map((start) => (vocabulary.has(start) ? start : (vocabulary.completions(start, 1)[0] ?? start))) : corrections;
		return likeliest.length > 0 ? [...new Set(likeliest)] : [word];
	});
	let spellings: string[][] = [[]];
	for (const choices of options) spellings = spellings.flatMap((spelling) => choices.map((choice) => [...spelling, choice])).slice(0, 9);
	let best: { words: string[]; response: PagefindResponse; score: number } | undefined;
	for (const spelling of spellings) {
		const response = await run(spelling);
		const score = response.results[0]?.score ?? 0;
		if (score > (best?.score ?? 0) && (await genuine(response, spelling, request.language, typingLast))) best = { words: spelling, response, score };
	}
	if (best) return best;
	return { words: spellings[0] ?? words, response: { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} } };
}

/** The query as typed, with its misspelt words replaced: "mot de pase" → "mot de passe". */
function respell(query: string, words: string[], spelling: string[]): string {
	const fixes = new Map(words.map((word, index) => [word, spelling[index] ?? word]));
	return query
		.split(' ')
		.map((token) => {
			const [word] = tokenize(token);
			const fix = word === undefined ? undefined : fixes.get(word);
			return word !== undefined && fix !== undefined && fix !== word ? token.replace(word, fix) : token;
		})
		.join(' ');
}

/**
 * The help center's query pipeline, in front of Pagefind: normalise, drop stop words, search every word (Pagefind
 * also matches word starts, stems and unaccented forms). When no article really contains the words, correct
 * misspelt words against the index's own vocabulary and search again; when that still finds nothing, rank
 * articles by how many of the words they contain. The browser UI and the relevance benchmark both run it.
 */
export async function searchHelpCenter(pagefind: Pagefind, request: SearchRequest): Promise<SearchOutcome> {
	const query = normalizeQuery(request.query);
	const words = contentWords(query, request.language);
	if (words.length === 0) return empty(query);
	// Whether the last word searched is the one the shopper is typing (not a finished word before a stop word).
	const typing = !request.complete && tokenize(query).at(-1) === words.at(-1);
	const options = request.category ? { filters: { category: request.category } } : {};
	const run = (terms: string[]) => pagefind.search(terms.join(' '), options);
	const found = (response: PagefindResponse, corrected?: string): SearchOutcome => {
		const outcome: SearchOutcome = { query, partial: false, results: response.results };
		if (corrected) outcome.corrected = corrected;
		const counts = response.totalFilters['category'];
		if (counts) outcome.categoryCounts = counts;
		return outcome;
	};

	let searched = words;
	let corrected: string | undefined;
	let complete = await run(words);
	if (request.superseded?.()) return found(complete);
	for (const result of complete.results.slice(1, request.shown ?? 0)) void result.data().catch(() => undefined);
	if (!(await genuine(complete, words, request.language, typing))) {
		complete = { ...complete, results: [], filters: {}, totalFilters: {} };
		// A query in another of the site's languages is not misspelt: respelling it with this language's words
		// ("where is my parcel" → "were is my parce") finds nonsense; the page offers to search the other language.
		const vocabulary = readsAsAnotherLanguage(query, request.language) ? undefined : await request.vocabulary().catch(() => undefined);
		if (vocabulary) {
			const others = (await request.otherVocabularies?.().catch(() => undefined)) ?? [];
			({ words: searched, response: complete } = await bestCorrection(words, vocabulary, others, request, typing, run));
			// The word being typed, completed, is not a correction to tell the shopper about.
			const completed = (word: string, index: number) => typing && index === words.length - 1 && word.startsWith(words[index] ?? word);
			corrected = searched.some((word, index) => word !== words[index] && !completed(word, index)) ? respell(query, words, searched) : undefined;
		}
	}
	if (complete.results.length >= 3 || searched.length < 2) return found(complete, corrected);

	// Few articles have every word ("my parcel never arrived"): follow with those that have the most of them.
	const responses = await Promise.all(searched.map(async (word) => ({ word, response: await run([word]) })));
	const merged = new Map<string, { result: PagefindResult; matches: number; score: number }>();
	for (const [index, { word, response }] of responses.entries()) {
		if (!(await genuine(response, [word], request.language, typing && index === searched.length - 1))) continue;
		for (const result of response.results) {
			const entry = merged.get(result.id) ?? { result, matches: 0, score: 0 };
			entry.matches += 1;
			entry.score += result.score;
			merged.set(result.id, entry);
		}
	}
	const withAll = new Set(complete.results.map((result) => result.id));
	const withSome = [...merged.values()]
		.filter((entry) => !withAll.has(entry.result.id))
		.sort((a, b) => b.matches - a.matches || b.score - a.score)
		.map((entry) => entry.result);
	const outcome: SearchOutcome = { query, partial: withAll.size === 0 && withSome.length > 0, results: [...complete.results, ...withSome] };
	if (corrected && outcome.results.length > 0) outcome.corrected = corrected;
	return outcome;
}
