import { isContentWord, stemOf } from '../../../src/answers/terms.ts';
import { foldedWords } from '../../../src/search/query/words.ts';

// Words nearly every ticket of a shop has, which would make one group of everything.
const commonWords: Record<string, Set<string>> = {
	en: new Set(
		'hi hello hey dear thanks thank please question help know want need like would could get got one also still just yet received order ordered item items thing things alder pine team shop website site you your today days week ago last what when where why how who which there does did can will'.split(
			' ',
		),
	),
	fr: new Set(
		'bonjour bonsoir merci svp question aide savoir voudrais veux besoin aimerais bien recu recue commande commandee commandes article articles alder pine equipe madame monsieur site jours semaine depuis encore toujours fait faire avoir etre suis ete avez pouvez faites fais faut dois peux vais est-ce peut-on puis-je quoi comment pourquoi quand'.split(
			' ',
		),
	),
};

/** A ticket's words as the grouping sees them: content words' stems, with the word shown for each. */
export function gapWords(text: string, locale: string): Map<string, string> {
	const language = locale.split('-')[0] ?? locale;
	const common = commonWords[language] ?? new Set<string>();
	const words = new Map<string, string>();
	for (const word of foldedWords(text).flatMap((word) => word.split('-'))) {
		if (!isContentWord(word, language) || common.has(word) || word.length < 3 || /\d/.test(word)) continue;
		const stem = stemOf(word, language);
		if (!common.has(stem) && !words.has(stem)) words.set(stem, word);
	}
	return words;
}

/** A group of not-answered tickets that share words. */
export interface Gap<T> {
	/** The shared words, as most of the group writes them (one, or two when most of the group has both). */
	words: string[];
	locale: string;
	items: T[];
}

/**
 * Groups items by the words they share. The word that makes the first group is the one with the best count × share:
 * how many items have it, times the share of all the tickets with it (`others` too) that are among these items, so
 * that a word as common among the other tickets ("shirt" in a clothing shop) gives way to one found mostly here
 * ("discount"); ties go alphabetically. That group takes every item with the word, then the same among the items
 * left, until `limit` groups or no word is shared by two items. Each group's label adds the word most of its items
 * also share. The result depends only on the inputs and their order, never on chance.
 */
export function groupByWords<T>(
	items: { item: T; locale: string; text: string }[],
	options: { limit?: number; others?: { locale: string; text: string }[] } = {},
): { groups: Gap<T>[]; ungrouped: number } {
	const limit = options.limit ?? 20;
	const key = (locale: string, stem: string) => `${locale}\t${stem}`;
	const elsewhere = new Map<string, number>();
	for (const other of options.others ?? []) for (const stem of gapWords(other.text, other.locale).keys()) elsewhere.set(key(other.locale, stem), (elsewhere.get(key(other.locale, stem)) ?? 0) + 1);
	let left = items.map((entry) => ({ ...entry, words: gapWords(entry.text, entry.locale) }));
	const groups: Gap<T>[] = [];
	while (groups.length < limit) {
		const counts = new Map<string, number>();
		for (const entry of left) for (const stem of entry.words.keys()) counts.set(key(entry.locale, stem), (counts.get(key(entry.locale, stem)) ?? 0) + 1);
		const score = (name: string, count: number) => (count * count) / (count + (elsewhere.get(name) ?? 0));
		const [best] = [...counts].filter(([, count]) => count >= 2).sort((a, b) => score(b[0], b[1]) - score(a[0], a[1]) || b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		if (!best) break;
		const [locale = '', stem = ''] = best[0].split('\t');
		const members = left.filter((entry) => entry.locale === locale && entry.words.has(stem));
		left = left.filter((entry) => !members.includes(entry));
		const shown = (wanted: string) => mostCommon(members.map((entry) => entry.words.get(wanted) ?? ''));
		const words = [shown(stem)];
		const partners = new Map<string, number>();
		for (const entry of members) for (const other of entry.words.keys()) if (other !== stem) partners.set(other, (partners.get(other) ?? 0) + 1);
		const [partner] = [...partners].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		if (partner && partner[1] >= 2 && partner[1] * 2 > members.length) words.push(shown(partner[0]));
		groups.push({ words, locale, items: members.map((entry) => entry.item) });
	}
	return { groups, ungrouped: left.length };
}

/** The most frequent of some words (ties: alphabetical). */
function mostCommon(words: string[]): string {
	const counts = new Map<string, number>();
	for (const word of words) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}
