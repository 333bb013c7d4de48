import type { PagefindResultData } from './pagefind-api.ts';
import { normalizeQuery } from '../../../functions/contract/query-text.ts';
import { foldAccents, tokenize } from './words.ts';

/** A word being typed is guessed from this many letters on: shorter starts match too many words to guess. */
const minTypedLetters = 3;

/**
 * The text the shopper will most likely have typed after their next key, while they are in the middle of a word:
 * the query with one more letter of the word the results matched most often for it ("refu" → "refun" when the
 * shown articles say "refund" most). Searching it ahead, while the shopper's finger is in the air, makes the next
 * key show its results at once. Undefined when the last word is finished, too short to guess, or matched no
 * longer word (a misspelling that was corrected, a word typed whole).
 */
export function likelyNextQuery(query: string, shown: PagefindResultData[]): string | undefined {
	if (/\s$/.test(query)) return undefined;
	const typed = tokenize(normalizeQuery(query)).at(-1);
	if (typed === undefined || typed.length < minTypedLetters || !query.toLowerCase().endsWith(typed)) return undefined;
	const start = foldAccents(typed);
	const counts = new Map<string, number>();
	for (const data of shown) {
		const words = data.content.split(/\s+/);
		for (const location of data.locations) {
			for (const word of tokenize(words[location] ?? '')) {
				const folded = foldAccents(word);
				// Letters of the word beyond what was typed, accents kept as the article writes them.
				if (folded.length > start.length && folded.startsWith(start)) counts.set(word, (counts.get(word) ?? 0) + 1);
			}
		}
	}
	let best: string | undefined;
	for (const [word, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = word;
	return best === undefined ? undefined : query + best.charAt(typed.length);
}
