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
}

/** A logistic model of "the best passage's article answers the question", and the least probability that answers. */
export interface GateModel {
	intercept: number;
	weights: GateFeatures;
	/** Least probability to answer. */
	threshold: number;
}

/**
 * Fitted by `npm run fit:answer-gate` (scripts/fit-answer-gate.ts, scripts/lib/gate-fit.ts) on every checked-in
 * question of tests/fixtures/answers/questions.{en,fr}.json: an L2-regularised logistic regression where answerable
 * questions are positive when the ungated best passage is from an expected article, and unanswerable and
 * adversarial questions are negative. The threshold is the lowest that keeps wrong answers ≤ 3 % and refusals
 * ≥ 95 % in both locales, each question scored by a model fitted without it (0.868). How the fitting does on
 * questions it has not seen is measured by `npm run bench:answers` (10-fold cross-validation). Refit after
 * changing retrieval, ranking or the questions.
 */
export const defaultGate: GateModel = {
	intercept: -3.157,
	weights: { coverage: -0.464, articleCoverage: 1.079, scorePerWord: 0.144, margin: 1.119, heading: 1.299, title: 3.192, matched: 3.413, missingIdf: 0.133, unknown: -2.252, corrected: -0.28 },
	threshold: 0.868,
};

/** The feature names, in a fixed order (for fitting and printing). */
export const gateFeatureNames = Object.keys(defaultGate.weights) as (keyof GateFeatures)[];

/** The model's probability that the best passage answers the question. */
export function answerProbability(features: GateFeatures, model: GateModel): number {
	const z = gateFeatureNames.reduce((sum, name) => sum + features[name] * model.weights[name], model.intercept);
	return 1 / (1 + Math.exp(-z));
}
