import { redactPersonalData } from '../../functions/contract/privacy.ts';
import { foldAccents, foldedWords, tokenize } from '../search/query/words.ts';
import type { AnswerIndex, IndexedUnit } from './answer-index.ts';
import { selfServiceActionOf, type SelfServiceAction } from './order-intents.ts';
import { isContentWord, stemOf } from './terms.ts';

/** How sure the engine must be before it answers; tuned on the dev half of tests/fixtures/answers. */
export interface AnswerThresholds {
	/** Least share of the question's meaningful words the passage must contain (synonyms and corrections count). */
	coverage: number;
	/** Least score of the passage. */
	score: number;
	/** Least score per meaningful word of the question. */
	scorePerWord: number;
}

export const defaultThresholds: AnswerThresholds = { coverage: 0.6, score: 300, scorePerWord: 120 };

export interface AnswerOptions {
	/** The locale's synonym groups (content/site.yaml `search.synonyms`). */
	synonyms?: string[][];
	/** Passages of articles not updated for this many days never answer (content/site.yaml `answers.staleAfterDays`). */
	staleAfterDays?: number | undefined;
	/** Today, for the staleness rule. */
	now?: Date;
	thresholds?: AnswerThresholds;
	/** How many passages to return with an answer (the best first), for a model to phrase. */
	passages?: number;
}

/** What the engine found for a question. */
export type EngineResult =
	| { kind: 'answer'; unit: IndexedUnit; passages: IndexedUnit[]; score: number; coverage: number }
	| { kind: 'self-service'; action: SelfServiceAction }
	| { kind: 'none'; related: IndexedUnit[]; reason: 'no_words' | 'not_covered' | 'no_index' };

// Words that make a sentence a question or a polite one, not what it is about.
const fillers: Record<string, Set<string>> = {
	en: new Set('hi hello hey thanks thank please pls regards cheers how what when where why who whom whose ok okay help know tell want need like would'.split(' ')),
	fr: new Set('bonjour bonsoir salut merci svp stp cordialement coucou aide savoir voudrais veux souhaite besoin aimerais dire'.split(' ')),
};

/** One meaning of the question: a word or a synonym phrase, and every way the index may spell it. */
interface Concept {
	/** The question's words it stands for. */
	words: string[];
	/** Each alternative is the stems of one phrase; a unit has it when it has all of them. */
	alternatives: string[][];
}

/** The question's words (accents folded, personal data removed), at most 30. */
function questionWords(question: string, language: string): string[] {
	const filler = fillers[language.split('-')[0] ?? ''] ?? new Set<string>();
	return foldedWords(redactPersonalData(question))
		.filter((word) => isContentWord(word, language) && !filler.has(word))
		.slice(0, 30);
}

/** Groups the words into concepts: a phrase of a synonym group is one concept with each of its group's phrases. */
function conceptsOf(words: string[], language: string, synonyms: string[][]): Concept[] {
	const groups = synonyms.map((group) => group.map((phrase) => tokenize(foldAccents(phrase))));
	const concepts: Concept[] = [];
	for (let index = 0; index < words.length; ) {
		let matched: { group: string[][]; length: number } | undefined;
		for (const group of groups) {
			for (const phrase of group) {
				if (phrase.length > (matched?.length ?? 0) && phrase.every((word, offset) => stemOf(words[index + offset] ?? '', language) === stemOf(word, language))) {
					matched = { group, length: phrase.length };
				}
			}
		}
		if (matched) {
			const alternatives = matched.group.map((phrase) => phrase.filter((word) => isContentWord(word, language)).map((word) => stemOf(word, language))).filter((stems) => stems.length > 0);
			concepts.push({ words: words.slice(index, index + matched.length), alternatives });
			index += matched.length;
		} else {
			concepts.push({ words: [words[index] ?? ''], alternatives: [[stemOf(words[index] ?? '', language)]] });
			index += 1;
		}
	}
	return concepts;
}

/** Per unit, the best weight of one alternative (a phrase counts when every stem is there, at its weakest stem's weight). */
async function conceptWeights(index: AnswerIndex, concept: Concept): Promise<Map<number, { weight: number; article: number }>> {
	const best = new Map<number, { weight: number; article: number }>();
	for (const stems of concept.alternatives) {
		const lists = await Promise.all(stems.map((stem) => index.postings(stem)));
		if (lists.some((list) => list === undefined)) continue;
		const per = new Map<number, { weight: number; article: number; count: number }>();
		for (const list of lists as number[][]) {
			for (let at = 0; at < list.length; at += 3) {
				const unit = list[at] as number;
				const entry = per.get(unit);
				if (entry) {
					entry.weight = Math.min(entry.weight, list[at + 2] as number);
					entry.count += 1;
				} else per.set(unit, { weight: list[at + 2] as number, article: list[at + 1] as number, count: 1 });
			}
		}
		for (const [unit, entry] of per) {
			if (entry.count < stems.length) continue;
			const weight = entry.weight * stems.length;
			if (weight > (best.get(unit)?.weight ?? 0)) best.set(unit, { weight, article: entry.article });
		}
	}
	return best;
}

/** A concept the index has no word for, spelt as the index's likeliest word instead ("refnd" → "refund"). */
async function corrected(index: AnswerIndex, word: string, language: string): Promise<Concept | undefined> {
	const vocabulary = await index.vocabulary();
	for (const candidate of vocabulary?.corrections(word) ?? []) {
		const stem = stemOf(candidate, language);
		if (await index.postings(stem)) return { words: [word], alternatives: [[stem]] };
	}
	return undefined;
}

/**
 * Answers a shopper's question from one locale's answer index, with no model: questions about the shopper's own
 * order go to the self-service page that acts on it; otherwise the passage (an article's lead, section or FAQ
 * pair) that best matches the question's words, their synonyms and their corrected spellings, when it contains
 * enough of them ({@link AnswerThresholds}); otherwise none, with the closest passages as related reading.
 */
export async function answerQuestion(index: AnswerIndex, question: string, options: AnswerOptions = {}): Promise<EngineResult> {
	const language = index.locale;
	const action = selfServiceActionOf(question, language);
	if (action) return { kind: 'self-service', action };
	if (!(await index.manifest())) return { kind: 'none', related: [], reason: 'no_index' };

	const words = questionWords(question, language);
	if (words.length === 0) return { kind: 'none', related: [], reason: 'no_words' };
	const concepts = conceptsOf(words, language, options.synonyms ?? []);
	const scores = new Map<number, { score: number; matched: number; article: number }>();
	for (const concept of concepts) {
		let weights = await conceptWeights(index, concept);
		if (weights.size === 0 && concept.words.length === 1) {
			const respelt = await corrected(index, concept.words[0] ?? '', language);
			if (respelt) weights = await conceptWeights(index, respelt);
		}
		for (const [unit, { weight, article }] of weights) {
			const entry = scores.get(unit) ?? { score: 0, matched: 0, article };
			entry.score += weight;
			entry.matched += 1;
			scores.set(unit, entry);
		}
	}

	const thresholds = options.thresholds ?? defaultThresholds;
	const ranked = [...scores].sort((a, b) => b[1].matched - a[1].matched || b[1].score - a[1].score || a[0] - b[0]);
	const staleBefore = options.staleAfterDays === undefined ? undefined : new Date((options.now ?? new Date()).getTime() - options.staleAfterDays * 86_400_000).toISOString().slice(0, 10);
	const fresh = async (id: number) => {
		const unit = await index.unit(id);
		return unit && (staleBefore === undefined || unit.d >= staleBefore) ? unit : undefined;
	};
	const passages: IndexedUnit[] = [];
	const seenArticles = new Set<number>();
	for (const [id, entry] of ranked) {
		if (passages.length >= (options.passages ?? 5)) break;
		const unit = await fresh(id);
		if (!unit) continue;
		passages.push(unit);
		seenArticles.add(entry.article);
	}
	const [best] = passages;
	const bestEntry = best ? scores.get(best.id) : undefined;
	if (!best || !bestEntry) return { kind: 'none', related: [], reason: 'not_covered' };
	const coverage = bestEntry.matched / concepts.length;
	const answers =
		coverage >= thresholds.coverage && bestEntry.score >= thresholds.score && bestEntry.score / concepts.length >= thresholds.scorePerWord;
	if (!answers) return { kind: 'none', related: oneEach(passages).slice(0, 3), reason: 'not_covered' };
	return { kind: 'answer', unit: best, passages, score: bestEntry.score, coverage };
}

/** The first passage of each article. */
function oneEach(units: IndexedUnit[]): IndexedUnit[] {
	const seen = new Set<string>();
	return units.filter((unit) => !seen.has(unit.a) && seen.add(unit.a));
}
