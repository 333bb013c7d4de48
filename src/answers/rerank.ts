import type { IndexedUnit } from './answer-index.ts';
import { termsOf } from './terms.ts';

/** One meaning of a question, as the reranker sees it: how much it weighs, and the stems of each way to say it. */
export interface WeighedConcept {
	alternatives: string[][];
	/** Its share of what the question asks (idf × its word's weight). */
	importance: number;
}

/** A passage the index retrieved, with what retrieval knows of it. */
export interface Candidate {
	unit: IndexedUnit;
	/** Its BM25F score for the question. */
	score: number;
	/** The share of the question's importance the passage holds, in any of its fields. */
	coverage: number;
	/** The share of the question's importance its article holds, across all its passages. */
	articleCoverage: number;
}

/**
 * What each sign of a good answer is worth, set by hand on the questions of tests/fixtures/answers. Weights fitted to
 * those questions (a conditional logit, 10-fold cross-validated) put the expected article first no more often, so
 * the round numbers stay.
 */
export interface RerankWeights {
	score: number;
	coverage: number;
	articleCoverage: number;
	/** The share of the question held by the passage's own heading (or FAQ question; the title for a lead). */
	heading: number;
	/** The share held by the article's title. */
	title: number;
	/** Neighbouring question words found next to each other in the passage. */
	pairs: number;
	/** An FAQ pair: written as the answer to one question. */
	faq: number;
}

export const defaultRerankWeights: RerankWeights = { score: 1, coverage: 1, articleCoverage: 0.5, heading: 1, title: 0.5, pairs: 0.5, faq: 0 };

const has = (terms: Set<string>, concept: WeighedConcept) => concept.alternatives.some((stems) => stems.every((stem) => terms.has(stem)));

/** The share of the question's importance a text holds. */
function share(text: string, concepts: WeighedConcept[], language: string, total: number): number {
	const terms = new Set(termsOf(text, language));
	return concepts.reduce((sum, concept) => sum + (has(terms, concept) ? concept.importance : 0), 0) / total;
}

/** The share of neighbouring question words (in the question's order) that stand within three words of each other. */
function pairShare(text: string, concepts: WeighedConcept[], language: string): number {
	if (concepts.length < 2) return 0;
	const positions = new Map<string, number[]>();
	termsOf(text, language).forEach((term, at) => positions.set(term, [...(positions.get(term) ?? []), at]));
	const at = (concept: WeighedConcept) => concept.alternatives.flatMap((stems) => positions.get(stems[0] ?? '') ?? []);
	let near = 0;
	for (let index = 1; index < concepts.length; index++) {
		const before = at(concepts[index - 1] as WeighedConcept);
		const after = at(concepts[index] as WeighedConcept);
		if (before.some((p) => after.some((q) => q !== p && Math.abs(q - p) <= 3))) near += 1;
	}
	return near / (concepts.length - 1);
}

/** The signs of a good answer in a candidate, each between 0 and 1 (the score relative to the best candidate's). */
export function signsOf(candidate: Candidate, concepts: WeighedConcept[], language: string, bestScore: number): RerankWeights {
	const total = concepts.reduce((sum, concept) => sum + concept.importance, 0) || 1;
	const { unit } = candidate;
	return {
		score: bestScore > 0 ? candidate.score / bestScore : 0,
		coverage: candidate.coverage,
		articleCoverage: candidate.articleCoverage,
		heading: share(unit.h ?? unit.t, concepts, language, total),
		title: share(unit.t, concepts, language, total),
		pairs: pairShare(`${unit.h ?? unit.t}. ${unit.x}`, concepts, language),
		faq: unit.k === 'faq' ? 1 : 0,
	};
}

/** A candidate's confidence: its signs, weighed. */
export function confidenceOf(signs: RerankWeights, weights: RerankWeights): number {
	return (Object.keys(weights) as (keyof RerankWeights)[]).reduce((sum, sign) => sum + signs[sign] * weights[sign], 0);
}
