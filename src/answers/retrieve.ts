import type { AnswerIndex } from './answer-index.ts';
import type { AnswerManifest } from './index-layout.ts';

/** A concept's postings: for each way to say it, the postings of each of its stems (undefined when one has none). */
export type ConceptPostings = (number[][] | undefined)[];

/** Reads the postings of each way to say a concept (each alternative is the stems of one phrase). */
export function postingsOf(index: AnswerIndex, concept: { alternatives: string[][] }): Promise<ConceptPostings> {
	return Promise.all(
		concept.alternatives.map(async (stems) => {
			const lists = await Promise.all(stems.map((stem) => index.postings(stem)));
			return lists.some((list) => list === undefined) ? undefined : (lists as number[][]);
		}),
	);
}

/** Whether some passage says the concept in one of its ways. */
export const hasPostings = (postings: ConceptPostings) => postings.some((lists) => lists !== undefined);

/** A passage as retrieval ranks it. */
export interface RankedPassage {
	id: number;
	/** BM25F score for the question. */
	score: number;
	/** The share of the question's importance the passage holds. */
	coverage: number;
	/** The share its article holds, across all its passages. */
	articleCoverage: number;
	/** Which concepts it holds, one bit each. */
	matched: number;
}

/**
 * Working arrays the size of an index, reused from question to question: a large catalogue's question touches tens
 * of thousands of postings, and allocating megabytes for each would leave the garbage collector the work. Safe to
 * share because {@link rankPassages} runs to its end without awaiting and leaves them zeroed.
 */
interface Scratch {
	score: Float64Array;
	covered: Float64Array;
	matched: Uint32Array;
	articleOf: Int32Array;
	best: Float64Array;
	/** Per article and concept, its best passage's weight. */
	articleEvidence: Float64Array;
}

/** The most concepts a question is scored on (one bit each). */
export const maxConcepts = 30;

const scratches = new Map<string, Scratch>();

function scratchFor(units: number, articles: number): Scratch {
	const key = `${units}:${articles}`;
	let scratch = scratches.get(key);
	if (!scratch) {
		scratch = {
			score: new Float64Array(units),
			covered: new Float64Array(units),
			matched: new Uint32Array(units),
			articleOf: new Int32Array(units),
			best: new Float64Array(units),
			articleEvidence: new Float64Array(Math.max(1, articles) * maxConcepts),
		};
		// Indexes of one deployment have one size per locale; a handful of scratches at most.
		if (scratches.size >= 8) scratches.clear();
		scratches.set(key, scratch);
	}
	return scratch;
}

/**
 * Per unit, the best weight of one of a concept's alternatives (a phrase counts when every stem is there, at its
 * weakest stem's weight), into `best`, with the units it touched and their articles into `articleOf`.
 */
function conceptWeights(postings: ConceptPostings, best: Float64Array, articleOf: Int32Array): number[] {
	const touched: number[] = [];
	const keep = (unit: number, weight: number, article: number) => {
		if (weight <= (best[unit] ?? 0)) return;
		if (best[unit] === 0) touched.push(unit);
		best[unit] = weight;
		articleOf[unit] = article;
	};
	for (const lists of postings) {
		if (!lists) continue;
		if (lists.length === 1) {
			const list = lists[0] as number[];
			for (let at = 0; at < list.length; at += 3) keep(list[at] as number, list[at + 2] as number, list[at + 1] as number);
			continue;
		}
		const per = new Map<number, { weight: number; article: number; count: number }>();
		for (const list of lists) {
			for (let at = 0; at < list.length; at += 3) {
				const unit = list[at] as number;
				const entry = per.get(unit);
				if (entry) {
					entry.weight = Math.min(entry.weight, list[at + 2] as number);
					entry.count += 1;
				} else per.set(unit, { weight: list[at + 2] as number, article: list[at + 1] as number, count: 1 });
			}
		}
		for (const [unit, entry] of per) if (entry.count === lists.length) keep(unit, entry.weight * lists.length, entry.article);
	}
	return touched;
}

/**
 * Ranks the passages that hold any of the question's concepts: BM25F score times the square of the share of the
 * question they hold, blended (`articlePower`) with the same for their whole article. A concept weighs its idf
 * times its own weight: a word no passage has ("bitcoin") weighs most, so a passage without it covers little.
 * Returns the best `limit` passages and each concept's importance.
 */
export function rankPassages(postings: ConceptPostings[], conceptWeight: number[], manifest: AnswerManifest, articlePower: number, limit: number): { ranked: RankedPassage[]; importance: number[] } {
	const concepts = Math.min(postings.length, maxConcepts);
	const { score, covered, matched, articleOf, best, articleEvidence } = scratchFor(manifest.units, manifest.articles);
	const idf = (df: number) => Math.log(1 + (manifest.units - df + 0.5) / (df + 0.5));
	const touched: number[] = [];
	const importance: number[] = [];
	for (let position = 0; position < concepts; position++) {
		const hits = conceptWeights(postings[position] ?? [], best, articleOf);
		const weight = idf(hits.length) * (conceptWeight[position] ?? 1);
		importance.push(weight);
		for (const unit of hits) {
			const unitWeight = (best[unit] ?? 0) * (conceptWeight[position] ?? 1);
			best[unit] = 0;
			if (matched[unit] === 0) touched.push(unit);
			matched[unit] = (matched[unit] ?? 0) | (1 << position);
			score[unit] = (score[unit] ?? 0) + unitWeight;
			covered[unit] = (covered[unit] ?? 0) + weight;
			const slot = (articleOf[unit] ?? 0) * maxConcepts + position;
			articleEvidence[slot] = Math.max(articleEvidence[slot] ?? 0, unitWeight);
		}
	}
	const total = importance.reduce((sum, weight) => sum + weight, 0) || 1;
	const articles = new Map<number, { evidence: number; coverage: number }>();
	const articleTotals = (article: number) => {
		let totals = articles.get(article);
		if (!totals) {
			let evidence = 0;
			let cover = 0;
			for (let position = 0; position < concepts; position++) {
				const value = articleEvidence[article * maxConcepts + position] ?? 0;
				if (value > 0) {
					evidence += value;
					cover += importance[position] ?? 0;
				}
			}
			totals = { evidence, coverage: cover / total };
			articles.set(article, totals);
		}
		return totals;
	};
	const rankOf = (unit: number) => {
		const article = articleTotals(articleOf[unit] ?? 0);
		return ((score[unit] ?? 0) * ((covered[unit] ?? 0) / total) ** 2) ** (1 - articlePower) * (article.evidence * article.coverage ** 2) ** articlePower;
	};
	const ranked = touched
		.map((id) => ({ id, rank: rankOf(id) }))
		.sort((a, b) => b.rank - a.rank || a.id - b.id)
		.slice(0, limit)
		.map(({ id }) => ({ id, score: score[id] ?? 0, coverage: (covered[id] ?? 0) / total, articleCoverage: articleTotals(articleOf[id] ?? 0).coverage, matched: matched[id] ?? 0 }));
	// Leave the scratch zeroed for the next question.
	for (const unit of touched) {
		const article = articleOf[unit] ?? 0;
		articleEvidence.fill(0, article * maxConcepts, article * maxConcepts + concepts);
		score[unit] = 0;
		covered[unit] = 0;
		matched[unit] = 0;
		articleOf[unit] = 0;
	}
	return { ranked, importance };
}
