import { foldedWords } from '../query/words.ts';

/** Only letters make a word worth correcting; numbers and codes are searched as typed. */
function isWord(token: string) {
	return token.length >= 2 && token.length <= 30 && /\p{L}/u.test(token);
}

/** Counts, for each word, how many pages have it; pages are added one at a time so none needs to stay in memory. */
export class VocabularyCounter {
	readonly #documentFrequency = new Map<string, number>();
	pages = 0;

	/** Adds one page's text. */
	add(text: string): void {
		this.pages += 1;
		for (const word of new Set(foldedWords(text))) {
			if (isWord(word)) this.#documentFrequency.set(word, (this.#documentFrequency.get(word) ?? 0) + 1);
		}
	}

	/** Every word, folded, most frequent first, at most `limit` words. */
	words(limit = 50_000): string[] {
		return [...this.#documentFrequency]
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, limit)
			.map(([word]) => word);
	}
}

/**
 * Builds a locale's vocabulary from the text of its indexed pages: every word, folded, most frequent first
 * (counted once per page), at most `limit` words.
 */
export function buildVocabulary(pages: Iterable<string>, limit = 50_000): string[] {
	const counter = new VocabularyCounter();
	for (const text of pages) counter.add(text);
	return counter.words(limit);
}
