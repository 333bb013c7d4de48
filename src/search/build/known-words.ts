import { createRequire } from 'node:module';
import { foldAccents } from '../query/words.ts';

// Word lists of the languages the help center ships (MIT, by Titus Wormer), read at build time only: the browser
// and the Worker get the few words that matter, in the vocabulary file.
const dictionaries: Record<string, string> = { en: 'an-array-of-english-words', fr: 'an-array-of-french-words' };

/** The shortest and longest words a correction changes by one letter (vocabulary.ts allows one edit up to 6 letters). */
const shortest = 4;
const longest = 6;

/**
 * The real words of `language` that lie one letter away from an index word, in its place, without being index
 * words: "wore" beside "more", "stuck" beside "stock", "vient" beside "tient". A shopper who types one means it,
 * and respelling it into its neighbour invents a query ("can I return something I more once"). Empty for a language
 * with no word list. Only same-length neighbours: a letter added or left out is as often a spelling variant
 * ("color", "colour") or another form, which the correction should keep finding.
 */
export function knownWordsNear(indexWords: string[], language: string): string[] {
	const dictionary = dictionaries[language.split('-')[0] ?? ''];
	if (!dictionary) return [];
	const inIndex = new Set(indexWords);
	// Each index word of the right length under every one-letter wildcard ("m?re"): a dictionary word with the same
	// key is one substitution away.
	const keys = new Set<string>();
	for (const word of inIndex) if (word.length >= shortest && word.length <= longest) for (const key of wildcards(word)) keys.add(key);
	return [...wordsOfLength(dictionary)].filter((word) => !inIndex.has(word) && wildcards(word).some((key) => keys.has(key))).sort();
}

// The dev server indexes again after every edit: each list is read and folded once per process.
const folded = new Map<string, Set<string>>();

/** A word list's words of the lengths a correction changes by one letter, folded, each once. */
function wordsOfLength(dictionary: string): Set<string> {
	let words = folded.get(dictionary);
	if (!words) {
		const entries = createRequire(import.meta.url)(dictionary) as string[];
		words = new Set(entries.filter((entry) => entry.length >= shortest && entry.length <= longest).map((entry) => foldAccents(entry.toLowerCase())));
		folded.set(dictionary, words);
	}
	return words;
}

function wildcards(word: string): string[] {
	return [...word].map((_, at) => `${word.slice(0, at)}?${word.slice(at + 1)}`);
}
