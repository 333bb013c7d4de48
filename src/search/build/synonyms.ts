import { foldedWords, inflectionsOf } from '../query/words.ts';

/** Where a word appears in an article, strongest first. */
export const synonymFields = ['title', 'terms', 'body'] as const;
export type SynonymField = (typeof synonymFields)[number];

/** The text of an article, split the way search weighs it. */
export type ArticleText = Record<SynonymField, string>;

interface Phrase {
	entry: string;
	words: string[];
}

/** The groups with their entries tokenized once, not once per article: they are the same for the whole site. */
const preparedGroups = new WeakMap<string[][], Phrase[][]>();

function prepare(groups: string[][]): Phrase[][] {
	let prepared = preparedGroups.get(groups);
	if (!prepared) {
		prepared = groups.map((group) => group.map((entry) => ({ entry, words: foldedWords(entry) })));
		preparedGroups.set(groups, prepared);
	}
	return prepared;
}

/**
 * The words of a field, indexed by every form a synonym may be written in: a word itself and, when it ends with an
 * inflection ("refunds"), its stem ("refund"), since a synonym written in the singular also recognises its plural
 * and past forms. Each form maps to the positions where it starts a match.
 */
function indexWords(words: string[], endings: string[]): Map<string, number[]> {
	const index = new Map<string, number[]>();
	const add = (form: string, position: number) => {
		const positions = index.get(form);
		if (positions) positions.push(position);
		else index.set(form, [position]);
	};
	words.forEach((word, position) => {
		add(word, position);
		for (const ending of endings) {
			if (ending && word.length > ending.length && word.endsWith(ending)) add(word.slice(0, -ending.length), position);
		}
	});
	return index;
}

function contains(index: Map<string, number[]>, phrase: string[]): boolean {
	const [first, ...rest] = phrase;
	if (first === undefined) return false;
	const starts = index.get(first);
	if (!starts) return false;
	if (rest.length === 0) return true;
	return starts.some((start) => rest.every((word, offset) => index.get(word)?.includes(start + offset + 1) ?? false));
}

/**
 * The synonyms to index with an article: for each configured group that the article mentions, the group's other
 * entries, filed under the strongest field where the article mentions it (title, then headings and keywords,
 * then body), so a shopper's word ranks the article as its own word would.
 */
export function articleSynonyms(text: ArticleText, groups: string[][], language: string): Record<SynonymField, string[]> {
	const found: Record<SynonymField, string[]> = { title: [], terms: [], body: [] };
	if (groups.length === 0) return found;
	const endings = inflectionsOf(language);
	const fields = Object.fromEntries(synonymFields.map((field) => [field, indexWords(foldedWords(text[field]), endings)])) as Record<
		SynonymField,
		Map<string, number[]>
	>;
	for (const phrases of prepare(groups)) {
		const field = synonymFields.find((name) => phrases.some(({ words }) => contains(fields[name], words)));
		if (!field) continue;
		for (const { entry, words } of phrases) {
			if (!contains(fields[field], words)) found[field].push(entry);
		}
	}
	return found;
}
