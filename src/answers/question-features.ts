// Five letters stand in for a word's family in both languages ("retourner", "retourné" and "retour" are "retou";
// "delivered" and "delivery" are "deliv"), without a stemmer per language.
const stemLength = 5;

/**
 * The features the answer engine's fitted models read in a question already folded (words.ts foldedSentence):
 * each word cut to five letters, each pair of such words side by side, and a number of three digits or more as "#"
 * (an order number, whatever its digits). "isn't" and "isnt" are one word, as shoppers type both; a French elision
 * ("j'attends") leaves its word.
 */
export function questionFeatures(text: string): string[] {
	const joined = text.replace(/\b(?:[cdjlmnst]|qu)'(?=\p{L})/gu, '').replace(/(?<=\p{L})'(?=\p{L})/gu, '');
	const words = (joined.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => (/^\d{3,}$/u.test(word) ? '#' : word.slice(0, stemLength)));
	const features = new Set(words);
	for (let at = 1; at < words.length; at++) features.add(`${words[at - 1]} ${words[at]}`);
	return [...features];
}
