import { foldedWords, isStopWord } from '../search/query/words.ts';

// Endings that spell another form of the same word, in folded form, longest first. Not the search's list: Pagefind
// stems on its own, while answers need one term for every form ("refund" has no ending, yet "d" is one).
const endings: Record<string, string[]> = {
	en: ['ings', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'y', 'e'],
	fr: ['ements', 'ement', 'ations', 'ation', 'ments', 'ment', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x'],
};

/** A stem keeps at least this many letters: shorter ones would merge unrelated words. */
const minStemLength = 3;

/**
 * The form under which a folded word is indexed and looked up: endings removed until none is left, so that
 * "refunds", "refunded" and "refund", or "remboursement", "rembourser" and "remboursé", are one term. The index and
 * the question both go through it, so it only has to be consistent, not linguistically exact.
 */
export function stemOf(word: string, language: string): string {
	const list = endings[language.split('-')[0] ?? ''] ?? [];
	let stem = word;
	for (let changed = true; changed; ) {
		changed = false;
		const ending = list.find((candidate) => stem.length - candidate.length >= minStemLength && stem.endsWith(candidate));
		if (ending) {
			stem = stem.slice(0, -ending.length);
			changed = true;
		}
	}
	// A doubled final consonant is the ending's doing ("shipped" → "shipp"): "ship".
	if (stem.length > minStemLength && stem.at(-1) === stem.at(-2) && !/[aeiouy]/.test(stem.at(-1) ?? '')) stem = stem.slice(0, -1);
	return stem;
}

/** Whether a folded word is worth indexing: not a stop word, not a lone letter (a lone digit is kept). */
export function isContentWord(word: string, language: string): boolean {
	return (word.length > 1 || /\d/.test(word)) && !isStopWord(word, language);
}

/** The indexed terms of a text: its folded content words' stems, in order. */
export function termsOf(text: string, language: string): string[] {
	return foldedWords(text)
		.filter((word) => isContentWord(word, language))
		.map((word) => stemOf(word, language));
}
