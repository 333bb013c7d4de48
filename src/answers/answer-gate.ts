/** What the engine knows of its best passage when it decides whether to answer with it, each roughly 0 to 1. */
export interface GateFeatures {
	/** The share of the question's importance the passage holds (synonyms and corrections count). */
	coverage: number;
	/** The share its whole article holds. */
	articleCoverage: number;
	/** BM25F score per meaningful word of the question, in thousands. */
	scorePerWord: number;
	/** Lead in rerank confidence over the best passage of another article. */
	margin: number;
	/** The share of the question held by the passage's heading (or FAQ question). */
	heading: number;
	/** The share held by the article's title. */
	title: number;
	/** The share of the question's concepts the passage holds, each counted once whatever its idf (a word that frames the question, at its weight). */
	matched: number;
	/** The idf of the rarest concept the passage lacks, over the idf of a word no passage has (0 when it lacks none). */
	missingIdf: number;
	/** The share of the question's concepts no passage has at all, even respelt: off-topic or in another language. */
	unknown: number;
	/** Whether a misspelt word was respelt to find the passage. */
	corrected: number;
	/**
	 * How much likelier the article is than any other to answer the question, by the questions the articles list
	 * under `asked` (asked-model.ts readQuestion: log-odds, ±20); absent when the article lists none.
	 */
	asked?: number;
}

/** A feature's name. */
export type GateFeature = keyof GateFeatures;

/** A logistic model of "the best passage's article answers the question", and the least probability that answers. */
export interface GateModel {
	intercept: number;
	/** Per feature the model reads, its weight; a feature it does not read is left out. */
	weights: Partial<Record<GateFeature, number>>;
	/** Least probability to answer. */
	threshold: number;
}

/**
 * Fitted by `npm run fit:answer-gate` (scripts/fit-answer-gate.ts, scripts/lib/gate-fit.ts) on every checked-in
 * question of tests/fixtures/answers/questions.{en,fr}.json: an L2-regularised logistic regression where answerable
 * questions are positive when the ungated best passage is from an expected article, and unanswerable and
 * adversarial questions are negative. The threshold is the lowest that keeps wrong answers ≤ 3 % and refusals
 * ≥ 95 % in both locales, each question scored by a model fitted without it. How the fitting does on
 * questions it has not seen is measured by `npm run bench:answers` (10-fold cross-validation). Refit after
 * changing retrieval, ranking or the questions.
 */
export const defaultGate: GateModel = {
	intercept: -3.832,
	weights: { coverage: -0.466, articleCoverage: 1.461, scorePerWord: 0.571, margin: 1.102, heading: 1.514, title: 3.129, matched: 3.429, missingIdf: 0.23, unknown: -2.337, corrected: -0.111 },
	threshold: 0.847,
};

/**
 * The gate for a passage whose article lists questions under `asked`: fitted the same way, on the questions whose
 * best passage's article lists some, with {@link GateFeatures.asked} as well. A help center whose articles list
 * none is judged by {@link defaultGate}. Refit after changing the articles' `asked` questions too.
 */
export const askedGate: GateModel = {
	intercept: -2.84,
	weights: { coverage: -0.903, articleCoverage: 0.67, scorePerWord: -3.581, margin: 0.592, heading: 2.356, title: 0.676, matched: 5.415, missingIdf: -0.924, unknown: -1.81, corrected: -0.205, asked: 0.357 },
	threshold: 0.792,
};

/** The features every passage has, in a fixed order (for fitting and printing): what {@link defaultGate} reads. */
export const wordFeatures = Object.keys(defaultGate.weights) as GateFeature[];

/** The features a model reads, in a fixed order. */
export const featuresOf = (model: GateModel) => Object.keys(model.weights) as GateFeature[];

/** The model's probability that the best passage answers the question (a feature the passage lacks counts 0). */
export function answerProbability(features: GateFeatures, model: GateModel): number {
	const z = featuresOf(model).reduce((sum, name) => sum + (features[name] ?? 0) * (model.weights[name] ?? 0), model.intercept);
	return 1 / (1 + Math.exp(-z));
}
