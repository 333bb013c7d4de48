/** More words than this add nothing to a help-center search; the rest are dropped. */
export const maxQueryWords = 8;

/** Removes accents so that "delai" and "délai" compare equal. */
export function foldAccents(word: string): string {
	return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * The words of a text, accents folded: the same words as folding each of {@link tokenize}'s words, much cheaper on a
 * long text, which is folded once.
 */
export const foldedWords = (text: string) => tokenize(foldAccents(text));

/**
 * A sentence as the question matchers read it: lowercased, accents folded, apostrophes straightened ("j’ai" as
 * "j'ai") and runs of spaces made one.
 */
export function foldedSentence(text: string): string {
	return foldAccents(text.toLowerCase()).replace(/[’`´]/g, "'").replace(/\s+/g, ' ');
}

/**
 * The words of a query or a text, lowercase: runs of letters and digits. French elisions ("l'article") lose
 * their article; hyphenated words ("e-mail") are kept whole, as Pagefind indexes them.
 */
export function tokenize(text: string): string[] {
	const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
	return words.map((word) => word.replace(/^(?:[cdjlmnst]|qu)['’]/u, '')).filter((word) => word.length > 0);
}

// Words that carry no meaning in a help-center query. Pagefind matches every query word, so leaving these in
// would only hide articles that happen not to contain them. English question words stay: help-center titles are
// questions ("Where is my order?"); French titles are phrased without them more often, and the benchmark agrees.
const stopWords: Record<string, Set<string>> = {
	en: new Set(
		'a an and are am be but by can could did do does for from get got had has have i if in into is it its me my of on or our please should so the their them there these they this to was we were which will with would you your yours'.split(
			' ',
		),
	),
	fr: new Set(
		"a à au aux avec ce ces cette comment dans de des du elle en est et il ils je la le les leur mais me mes moi mon ne nos notre nous on ou où par pas peut peux pour pourquoi qu quand que quel quelle qui sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y ai suis j l d c s n m t".split(
			' ',
		),
	),
};

/** Whether `word` is a stop word in `language` (unknown languages have none). */
export function isStopWord(word: string, language: string): boolean {
	return stopWordsOf(language).has(word);
}

const stopWordsOf = (language: string) => stopWords[language.split('-')[0] ?? ''] ?? new Set<string>();

/**
 * Whether `query` reads as another language than `language`: it holds more stop words of another language than of
 * `language` (counting only the words the two lists do not share: "a" and "on" are both English and French). "where
 * is my parcel" reads as English on a French page: its unknown words are English words, not misspellings of French
 * ones, and the page offers to search in English.
 */
export function readsAsAnotherLanguage(query: string, language: string): boolean {
	const words = tokenize(query);
	const own = stopWordsOf(language);
	return Object.values(stopWords).some((other) => {
		if (other === own) return false;
		const theirs = words.filter((word) => other.has(word) && !own.has(word)).length;
		const ours = words.filter((word) => own.has(word) && !other.has(word)).length;
		return theirs > ours;
	});
}

/**
 * The words worth searching for: the query's words without stop words and lone letters, at most
 * {@link maxQueryWords}. A query made only of stop words ("where is it") keeps them, so that it still finds
 * something.
 */
export function contentWords(query: string, language: string): string[] {
	// A lone letter matches every word it starts; a lone digit ("pay in 3") is kept.
	const words = tokenize(query).filter((word) => word.length > 1 || /\d/.test(word));
	const meaningful = words.filter((word) => !isStopWord(word, language));
	return (meaningful.length > 0 ? meaningful : words).slice(0, maxQueryWords);
}

// Endings that make another form of the same word ("refunds", "refunded", "deliveries"; "remboursés"), longest
// first, in folded (unaccented) form.
const inflections: Record<string, string[]> = {
	en: ['ings', 'ies', 'ied', 'ing', 'ers', 'ed', 'es', 'er', 'd', 's'],
	fr: ['ements', 'ement', 'ments', 'ment', 'ees', 'es', 'ee', 'er', 'e', 's', 'x', 'r'],
};

/** The grammatical endings of `language`, longest first (none for languages we do not know). */
export function inflectionsOf(language: string): string[] {
	return inflections[language.split('-')[0] ?? ''] ?? [];
}

/** The inflectional ending of a folded word, with the consonant doubled before it ("shipping" → "ping"), or "". */
export function inflectionOf(word: string, language: string): string {
	const ending = inflectionsOf(language).find((candidate) => word.length > candidate.length + 2 && word.endsWith(candidate)) ?? '';
	const stem = word.slice(0, word.length - ending.length);
	return ending && stem.at(-1) === stem.at(-2) ? word.slice(word.length - ending.length - 1) : ending;
}

// The words a question starts with, per language, folded: a short query that starts with one ("how refund", "où
// colis") is a question to answer, not only words to search.
const questionStarts: Record<string, Set<string>> = {
	en: new Set('how what when where why who which whose can could do does did is are am will would should shall may'.split(' ')),
	fr: new Set('comment combien quand ou pourquoi quel quelle quels quelles qui que quoi lequel laquelle est-ce puis-je peut-on dois-je faut-il'.split(' ')),
};

/** How many words make a query worth answering even without a question word or mark ("refund not received"). */
export const questionMinWords = 3;

/**
 * Whether a shopper's text reads as a question worth sending to the answer engine: it ends with a question mark,
 * starts with a question word of `language`, or has at least {@link questionMinWords} words. One or two search words
 * ("refund", "delivery time") are left to search alone.
 */
export function looksLikeQuestion(text: string, language: string): boolean {
	const words = foldedWords(text);
	if (words.length === 0) return false;
	if (words.length >= questionMinWords || /[?？]\s*$/u.test(text)) return true;
	return questionStarts[language.split('-')[0] ?? '']?.has(words[0] ?? '') ?? false;
}

// Words no question ends with (articles, possessives, prepositions, conjunctions), folded: text that ends with one is
// still being typed ("how do I change my"), and is not worth answering yet.
const danglingWords: Record<string, Set<string>> = {
	en: new Set('a an the my your our their his her its this that these those of to for in on at with from by about into and or but'.split(' ')),
	fr: new Set('le la les un une des du de au aux a mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces pour par avec dans sur sous en et ou mais que'.split(' ')),
};

/** Whether `text` stops in the middle of a phrase: its last word is one no question ends with ("where is my"). */
export function endsMidPhrase(text: string, language: string): boolean {
	if (/[?？.!]\s*$/u.test(text)) return false;
	const last = foldedWords(text).at(-1);
	return last !== undefined && (danglingWords[language.split('-')[0] ?? '']?.has(last) ?? false);
}
