import { foldAccents } from './words.ts';

/** Words shorter than this are never corrected: too many real words lie one letter away. */
const minCorrectableLength = 4;

/** How many edits a misspelt word may be away from the word we correct it to. */
function allowedEdits(length: number): number {
	if (length < minCorrectableLength) return 0;
	return length <= 6 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: "recieve" → "receive" is one
 * edit), computed row by row. With `prefix`, returns the distance to the closest prefix of `candidate` and that
 * prefix's length, for the word a shopper is still typing. Gives up (Infinity) once every path exceeds `limit`.
 */
function editDistance(word: string, candidate: string, limit: number, prefix: boolean): { distance: number; length: number } {
	const rows = word.length + 1;
	const columns = candidate.length + 1;
	let previousPrevious: number[] = [];
	let previous = Array.from({ length: columns }, (_, column) => column);
	for (let row = 1; row < rows; row++) {
		const current = [row];
		let rowMinimum = row;
		for (let column = 1; column < columns; column++) {
			const cost = word[row - 1] === candidate[column - 1] ? 0 : 1;
			let value = Math.min((previous[column] ?? Infinity) + 1, (current[column - 1] ?? Infinity) + 1, (previous[column - 1] ?? Infinity) + cost);
			if (row > 1 && column > 1 && word[row - 1] === candidate[column - 2] && word[row - 2] === candidate[column - 1]) {
				value = Math.min(value, (previousPrevious[column - 2] ?? Infinity) + 1);
			}
			current.push(value);
			rowMinimum = Math.min(rowMinimum, value);
		}
		if (rowMinimum > limit) return { distance: Infinity, length: 0 };
		previousPrevious = previous;
		previous = current;
	}
	if (!prefix) return { distance: previous[columns - 1] ?? Infinity, length: candidate.length };
	let best = { distance: Infinity, length: 0 };
	for (let column = Math.max(1, word.length - limit); column < columns; column++) {
		const distance = previous[column] ?? Infinity;
		if (distance <= best.distance) best = { distance, length: column };
	}
	return best;
}

/**
 * The words of one locale's search index, most frequent first, exported at build time. It answers whether a
 * query word exists in the index and, when it does not, which indexed word the shopper most likely meant.
 */
export class Vocabulary {
	readonly #rank = new Map<string, number>();
	readonly #byFrequency: string[];
	readonly #sorted: string[];
	readonly #known: Set<string>;

	/**
	 * @param words folded words, most frequent first (the format written by {@link serializeVocabulary})
	 * @param known real words of the language one letter away from an index word, which are never respelt into it
	 */
	constructor(words: string[], known: string[] = []) {
		this.#byFrequency = words;
		this.#known = new Set(known);
		words.forEach((word, rank) => this.#rank.set(word, rank));
		this.#sorted = [...words].sort();
	}

	/** Parses the text file written at build time. */
	static parse(text: string): Vocabulary {
		const [words = '', known = ''] = text.split(`\n${knownWordsMarker}\n`);
		const lines = (part: string) => part.split('\n').filter((line) => line.length > 0);
		return new Vocabulary(lines(words), lines(known));
	}

	get size(): number {
		return this.#byFrequency.length;
	}

	/** Whether the index contains `word` (accents ignored). */
	has(word: string): boolean {
		return this.#rank.has(foldAccents(word));
	}

	/** Where `folded` is, or would be, in the sorted words. */
	#position(folded: string): number {
		let low = 0;
		let high = this.#sorted.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((this.#sorted[middle] ?? '') < folded) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** Whether some indexed word starts with `start` (accents ignored), as a word being typed does. */
	hasPrefix(start: string): boolean {
		const folded = foldAccents(start);
		return (this.#sorted[this.#position(folded)] ?? '').startsWith(folded);
	}

	/** The most frequent indexed words that continue `start` (accents ignored), most frequent first, `start` itself excluded. */
	completions(start: string, limit = 2): string[] {
		const folded = foldAccents(start);
		const found: string[] = [];
		if (folded === '') return found;
		for (let index = this.#position(folded); (this.#sorted[index] ?? '').startsWith(folded); index++) {
			const word = this.#sorted[index] ?? '';
			if (word !== folded) found.push(word);
		}
		const rank = (word: string) => this.#rank.get(word) ?? Infinity;
		return found.sort((a, b) => rank(a) - rank(b)).slice(0, limit);
	}

	/**
	 * The indexed words closest to a misspelt `word`, best first: at most one edit away for words of 4 to 6
	 * letters, two beyond (shorter words are left alone); at equal distance, a doubled or undoubled letter
	 * ("pase" → "passe") first, then the more frequent word; a word a whole edit farther than the closest is left out
	 * (the caller lets the articles found decide between the answers, and a rare word would win over a common, closer
	 * one: "livrason" → "livron" instead of "livraison"). With `prefix`, `word` is still being typed: the answers are
	 * the closest starts of indexed words. `skip` rules candidates out (stop words, which the search would drop).
	 */
	corrections(word: string, options: { prefix?: boolean; skip?: (candidate: string) => boolean; limit?: number } = {}): string[] {
		const { prefix = false, skip = () => false, limit = 3 } = options;
		const folded = foldAccents(word);
		const edits = allowedEdits(folded.length);
		if (edits === 0) return [];
		// A real word the index lacks is meant as typed: only a letter added or dropped may still respell it.
		const meant = !prefix && this.#known.has(folded);
		const found: { word: string; cost: number; rank: number }[] = [];
		const seen = new Set<string>();
		this.#byFrequency.forEach((candidate, rank) => {
			if (!prefix && Math.abs(candidate.length - folded.length) > edits) return;
			if (meant && candidate.length === folded.length) return;
			if (prefix && candidate.length < folded.length - edits) return;
			if (skip(candidate)) return;
			const { distance, length } = editDistance(folded, candidate, edits, prefix);
			if (distance > edits || distance === 0) return;
			const corrected = prefix ? candidate.slice(0, length) : candidate;
			if (seen.has(corrected)) return;
			seen.add(corrected);
			found.push({ word: corrected, cost: distance - (undoubled(folded, corrected) ? 0.5 : 0), rank });
		});
		found.sort((a, b) => a.cost - b.cost || a.rank - b.rank);
		const closest = found[0]?.cost ?? 0;
		return found
			.filter((candidate) => candidate.cost < closest + 1)
			.slice(0, limit)
			.map((candidate) => candidate.word);
	}
}

/** Whether two words differ only by one letter written once instead of twice, or twice instead of once. */
function undoubled(a: string, b: string): boolean {
	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	if (long.length !== short.length + 1) return false;
	for (let index = 0; index < long.length; index++) {
		if (long.slice(0, index) + long.slice(index + 1) === short) return long[index] === long[index - 1] || long[index] === long[index + 1];
	}
	return false;
}

/** The line that separates the index's words from the known words near them in a vocabulary file. */
const knownWordsMarker = '#known';

/**
 * The file format of a vocabulary: one word per line, most frequent first; then, after a `#known` line, the real
 * words of the language that are never respelt (search/build/known-words.ts), when there are any.
 */
export function serializeVocabulary(words: string[], known: string[] = []): string {
	return `${words.join('\n')}\n${known.length > 0 ? `${knownWordsMarker}\n${known.join('\n')}\n` : ''}`;
}
