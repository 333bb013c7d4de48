import { foldAccents, inflectionsOf, tokenize } from './text.ts';

/** Where a word appears in an article, strongest first. */
export const synonymFields = ['title', 'terms', 'body'] as const;
export type SynonymField = (typeof synonymFields)[number];

/** The text of an article, split the way search weighs it. */
export type ArticleText = Record<SynonymField, string>;

// A synonym written in the singular also recognises its plural and past forms ("refund" in "refunds").
function sameWord(written: string, synonym: string, endings: string[]) {
	return written === synonym || (written.startsWith(synonym) && endings.includes(written.slice(synonym.length)));
}

function contains(words: string[], phrase: string[], endings: string[]) {
	for (let start = 0; start + phrase.length <= words.length; start++) {
		if (phrase.every((word, offset) => sameWord(words[start + offset] ?? '', word, endings))) return true;
	}
	return false;
}

const fold = (text: string) => tokenize(text).map(foldAccents);

/**
 * The synonyms to index with an article: for each configured group that the article mentions, the group's other
 * entries, filed under the strongest field where the article mentions it (title, then headings and keywords,
 * then body), so a shopper's word ranks the article as its own word would.
 */
export function articleSynonyms(text: ArticleText, groups: string[][], language: string): Record<SynonymField, string[]> {
	const endings = inflectionsOf(language);
	const fields = Object.fromEntries(synonymFields.map((field) => [field, fold(text[field])])) as Record<SynonymField, string[]>;
	const found: Record<SynonymField, string[]> = { title: [], terms: [], body: [] };
	for (const group of groups) {
		const phrases = group.map((entry) => ({ entry, words: fold(entry) }));
		const field = synonymFields.find((name) => phrases.some(({ words }) => contains(fields[name], words, endings)));
		if (!field) continue;
		for (const { entry, words } of phrases) {
			if (!contains(fields[field], words, endings)) found[field].push(entry);
		}
	}
	return found;
}
