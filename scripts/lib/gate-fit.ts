import { answerProbability, featuresOf, wordFeatures, type GateFeature, type GateFeatures, type GateModel } from '../../src/answers/answer-gate.ts';
import { fitLogistic, logLoss } from './logistic.ts';

/** One question as the answer gate sees it: the engine's measures of its best passage, and whether that was right. */
export interface GateRow {
	locale: string;
	features: GateFeatures;
	/** Whether the best passage's article is an expected one (never, for a question the help center does not answer). */
	right: boolean;
	/** Whether the help center answers the question at all. */
	answerable: boolean;
}

/** What the gate must keep to, per locale, on questions it was not fitted on. */
export const gateLimits = { wrong: 0.03, refused: 0.95 };

/** A fitted gate, with what its fitting saw. */
export interface GateFit {
	model: GateModel;
	/** The L2 penalty chosen, and the cross-validated log loss of each one tried. */
	penalty: number;
	crossLoss: { penalty: number; loss: number }[];
	/** Each row's probability from a model fitted without it (the threshold is chosen on these). */
	outOfFold: number[];
}

const penalties = [0.03, 0.1, 0.3, 1, 3, 10];
const innerFolds = 5;

/**
 * Fits the answer gate on rows, reading the features `names` (the words' alone, by default; rows lacking one count
 * it 0): an L2-regularised logistic regression over standardised features (the penalty
 * chosen by 5-fold cross-validation), given back on the raw features' scale, and the lowest threshold at which
 * every locale keeps wrong answers and refusals within {@link gateLimits}. The threshold is chosen on out-of-fold
 * probabilities: in-sample ones have seen the very wrong answers the gate must refuse, and a threshold set on them
 * answers more on new questions than it did on the rows.
 */
export function fitGate(rows: GateRow[], names: GateFeature[] = wordFeatures): GateFit {
	const x = rows.map((row) => names.map((name) => row.features[name] ?? 0));
	// Standardised, so that one penalty fits every feature.
	const mean = names.map((_, column) => x.reduce((sum, values) => sum + (values[column] ?? 0), 0) / (x.length || 1));
	const spread = names.map((_, column) => Math.sqrt(x.reduce((sum, values) => sum + ((values[column] ?? 0) - (mean[column] ?? 0)) ** 2, 0) / (x.length || 1)) || 1);
	const standard = x.map((values) => values.map((value, column) => (value - (mean[column] ?? 0)) / (spread[column] ?? 1)));
	const labels = rows.map((row) => (row.right ? 1 : 0));
	// Folds by position: rows come in the question files' order, so each fold holds every locale and kind.
	const folds = (fold: number) => ({
		train: standard.flatMap((_, at) => (at % innerFolds === fold ? [] : [at])),
		held: standard.flatMap((_, at) => (at % innerFolds === fold ? [at] : [])),
	});
	const fitOn = (ats: number[], penalty: number) => fitLogistic(ats.map((at) => standard[at] ?? []), ats.map((at) => labels[at] ?? 0), penalty);

	const crossLoss = penalties.map((penalty) => {
		let loss = 0;
		for (let fold = 0; fold < innerFolds; fold++) {
			const { train, held } = folds(fold);
			loss += logLoss(fitOn(train, penalty), held.map((at) => standard[at] ?? []), held.map((at) => labels[at] ?? 0)) * held.length;
		}
		return { penalty, loss: loss / (rows.length || 1) };
	});
	const penalty = crossLoss.reduce((best, entry) => (entry.loss < best.loss ? entry : best)).penalty;

	const outOfFold = new Array<number>(rows.length).fill(0);
	for (let fold = 0; fold < innerFolds; fold++) {
		const { train, held } = folds(fold);
		const foldFit = fitOn(train, penalty);
		for (const at of held) outOfFold[at] = 1 / (1 + Math.exp(-(standard[at] ?? []).reduce((sum, value, column) => sum + value * (foldFit.weights[column] ?? 0), foldFit.intercept)));
	}

	const fitted = fitOn(standard.map((_, at) => at), penalty);
	const raw = fitted.weights.map((weight, column) => weight / (spread[column] ?? 1));
	const intercept = fitted.intercept - raw.reduce((sum, weight, column) => sum + weight * (mean[column] ?? 0), 0);
	const weights = Object.fromEntries(names.map((name, column) => [name, raw[column] ?? 0]));
	return { model: { intercept, weights, threshold: lowestThreshold(rows, outOfFold) }, penalty, crossLoss, outOfFold };
}

/** A gate with its numbers rounded to three decimals, as `defaultGate` writes them. */
export function roundedGate(model: GateModel): GateModel {
	const round = (value: number) => Math.round(value * 1000) / 1000;
	const weights = Object.fromEntries(featuresOf(model).map((name) => [name, round(model.weights[name] ?? 0)]));
	return { intercept: round(model.intercept), weights, threshold: round(model.threshold) };
}

/** Per locale, the share of answerable rows answered right and wrong, and of the others refused, at a threshold. */
export function gateFigures(rows: GateRow[], probabilities: number[], threshold: number) {
	return [...new Set(rows.map((row) => row.locale))].map((locale) => {
		const mine = rows.flatMap((row, at) => (row.locale === locale ? [{ row, answered: (probabilities[at] ?? 0) >= threshold }] : []));
		const answerable = mine.filter(({ row }) => row.answerable);
		const refusable = mine.filter(({ row }) => !row.answerable);
		return {
			locale,
			correct: answerable.filter(({ row, answered }) => answered && row.right).length / (answerable.length || 1),
			wrong: answerable.filter(({ row, answered }) => answered && !row.right).length / (answerable.length || 1),
			refused: refusable.filter(({ answered }) => !answered).length / (refusable.length || 1),
		};
	});
}

/** The lowest probability at which every locale keeps within {@link gateLimits} (1, answering nothing, when none does). */
function lowestThreshold(rows: GateRow[], probabilities: number[]): number {
	const candidates = [...new Set(probabilities)].sort((a, b) => a - b);
	return candidates.find((candidate) => gateFigures(rows, probabilities, candidate).every((locale) => locale.wrong <= gateLimits.wrong && locale.refused >= gateLimits.refused)) ?? 1;
}

/**
 * Cross-validates the fitting itself: rows are dealt into `folds` by position within their locale, and each fold's
 * rows are judged by a gate fitted (penalty and threshold included) on the other folds only. Returns, per row,
 * whether that gate lets it be answered: what the gate would do with questions it has never seen. `fit` is
 * {@link fitGate} but for tests.
 */
export function crossValidatedAnswers(rows: GateRow[], folds = 10, fit: (rows: GateRow[]) => Pick<GateFit, 'model'> = fitGate): boolean[] {
	const positions = new Map<string, number>();
	const foldOf = rows.map((row) => {
		const position = positions.get(row.locale) ?? 0;
		positions.set(row.locale, position + 1);
		return position % folds;
	});
	const answered = new Array<boolean>(rows.length).fill(false);
	for (let fold = 0; fold < folds; fold++) {
		const { model } = fit(rows.filter((_, at) => foldOf[at] !== fold));
		rows.forEach((row, at) => {
			if (foldOf[at] === fold) answered[at] = answerProbability(row.features, model) >= model.threshold;
		});
	}
	return answered;
}

/** The features of the gate the engine judges a row by: the words' alone, and `asked` when the row's article lists questions. */
export const featuresFor = (row: GateRow): GateFeature[] => (row.features.asked === undefined ? wordFeatures : [...wordFeatures, 'asked']);

/**
 * {@link crossValidatedAnswers} for the engine as it runs: rows whose article lists `asked` questions are judged by
 * gates fitted on such rows with that feature (as `askedGate` is), the others by gates fitted on the words alone
 * (as `defaultGate` is). With `wordsOnly`, every row by the words alone: the engine over a help center whose
 * articles list no questions.
 */
export function crossValidatedEngine(rows: GateRow[], options: { folds?: number; wordsOnly?: boolean } = {}): boolean[] {
	const answered = new Array<boolean>(rows.length).fill(false);
	const groups = new Map<string, number[]>();
	for (const [at, row] of rows.entries()) {
		const names = options.wordsOnly ? wordFeatures : featuresFor(row);
		groups.set(names.join(), [...(groups.get(names.join()) ?? []), at]);
	}
	for (const members of groups.values()) {
		const group = members.map((at) => rows[at] as GateRow);
		const names = options.wordsOnly ? wordFeatures : featuresFor(group[0] as GateRow);
		crossValidatedAnswers(group, options.folds, (fitted) => fitGate(fitted, names)).forEach((yes, at) => (answered[members[at] ?? 0] = yes));
	}
	return answered;
}
