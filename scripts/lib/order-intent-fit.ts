import { actionProbabilities, likeliestAction, modelActions, type OrderIntentModel } from '../../src/answers/order-intent-model.ts';
import { questionFeatures } from '../../src/answers/question-features.ts';

/** One labelled question: its folded text (order-intents.ts routedText) and the page it wants, or null for none. */
export interface IntentRow {
	text: string;
	action: (typeof modelActions)[number] | null;
}

const penalty = 0.001;
const epochs = 300;
const learningRate = 0.05;

/**
 * Fits the router's model ({@link OrderIntentModel}) on labelled questions: a multinomial logistic regression with
 * an L2 penalty, by full-batch Adam from zero, so that the same rows always give the same weights. Newton's method
 * (logistic.ts) needs a matrix per feature pair, and here there are thousands of features. The threshold is left
 * to the caller.
 */
export function fitIntentWeights(rows: IntentRow[]): Pick<OrderIntentModel, 'weights' | 'intercepts'> {
	const features = rows.map((row) => questionFeatures(row.text));
	const labels = rows.map((row) => (row.action === null ? modelActions.length : modelActions.indexOf(row.action)));
	const size = modelActions.length;
	const weights = new Map<string, number[]>();
	for (const list of features) for (const feature of list) if (!weights.has(feature)) weights.set(feature, new Array<number>(size).fill(0));
	const intercepts = new Array<number>(size).fill(0);
	// Adam's running moments, per weight; the intercepts' are kept under the key "".
	const first = new Map<string, number[]>();
	const second = new Map<string, number[]>();
	for (const key of ['', ...weights.keys()]) {
		first.set(key, new Array<number>(size).fill(0));
		second.set(key, new Array<number>(size).fill(0));
	}
	const model = { weights: Object.fromEntries(weights), intercepts };
	for (let epoch = 1; epoch <= epochs; epoch++) {
		const gradients = new Map<string, number[]>([['', new Array<number>(size).fill(0)]]);
		features.forEach((list, at) => {
			const probabilities = actionProbabilities(model, list);
			const residuals = modelActions.map((_, action) => ((probabilities[action] ?? 0) - (labels[at] === action ? 1 : 0)) / rows.length);
			for (const key of ['', ...list]) {
				const gradient = gradients.get(key) ?? new Array<number>(size).fill(0);
				residuals.forEach((residual, action) => (gradient[action] = (gradient[action] ?? 0) + residual));
				gradients.set(key, gradient);
			}
		});
		for (const key of ['', ...weights.keys()]) {
			const values = key === '' ? intercepts : (weights.get(key) as number[]);
			const gradient = gradients.get(key);
			const m = first.get(key) as number[];
			const v = second.get(key) as number[];
			for (let action = 0; action < size; action++) {
				// The intercepts carry no penalty: they hold how common each page is.
				const g = (gradient?.[action] ?? 0) + (key === '' ? 0 : penalty * (values[action] ?? 0));
				m[action] = 0.9 * (m[action] ?? 0) + 0.1 * g;
				v[action] = 0.999 * (v[action] ?? 0) + 0.001 * g * g;
				const step = (learningRate * ((m[action] ?? 0) / (1 - 0.9 ** epoch))) / (Math.sqrt((v[action] ?? 0) / (1 - 0.999 ** epoch)) + 1e-8);
				values[action] = (values[action] ?? 0) - step;
			}
		}
	}
	return model;
}

/**
 * Each row's likeliest action and its probability, from a model fitted without it (`folds` folds, dealt by
 * position), for choosing a threshold on questions the model has not seen.
 */
export function outOfFoldGuesses(rows: IntentRow[], folds = 10): ReturnType<typeof likeliestAction>[] {
	const guesses = new Array<ReturnType<typeof likeliestAction>>(rows.length);
	for (let fold = 0; fold < folds; fold++) {
		const model = fitIntentWeights(rows.filter((_, at) => at % folds !== fold));
		rows.forEach((row, at) => {
			if (at % folds === fold) guesses[at] = likeliestAction(model, questionFeatures(row.text));
		});
	}
	return guesses;
}

/** What a rule question sent to an order page costs, against an order question routed right (see {@link chooseThreshold}). */
export const misrouteCost = 5;

/**
 * The threshold, in steps of 0.05 from 0.4, that does best on out-of-fold guesses: order questions routed right,
 * less {@link misrouteCost} for each rule question sent to a page. A missed order question still gets "nothing
 * answers this" with the contact form and the related articles; a rule question sent to an order page gets a form
 * asking for an order it may not have, and loses the article that answers it. Guesses of the contact page are
 * left out, as the router never acts on them (order-intent-model.ts).
 */
export function chooseThreshold(rows: IntentRow[], guesses: ReturnType<typeof likeliestAction>[]): number {
	let best = { threshold: 1, value: -Infinity };
	for (let step = 0; step <= 10; step++) {
		const threshold = Math.round((0.4 + step * 0.05) * 100) / 100;
		const value = rows.reduce((sum, row, at) => {
			const guess = guesses[at];
			if (!guess || guess.action === 'contact' || guess.probability < threshold) return sum;
			if (row.action === null) return sum - misrouteCost;
			return sum + (row.action === guess.action ? 1 : 0);
		}, 0);
		// On a tie, the higher threshold: the same value for fewer pages shown on a guess.
		if (value >= best.value) best = { threshold, value };
	}
	return best.threshold;
}

/** Weights below this on every page are dropped from the shipped model: they never tip a question, and are 40 % of the features. */
export const smallestWeight = 0.1;

/** The model as shipped: weights rounded to three decimals, features with no weight of {@link smallestWeight} left out, in sorted order. */
export function shippedModel(fitted: Pick<OrderIntentModel, 'weights' | 'intercepts'>, threshold: number): OrderIntentModel {
	// `|| 0`: a weight that rounds to -0 is written "0", and must read back as the same number.
	const round = (value: number) => Math.round(value * 1000) / 1000 || 0;
	const weights = Object.entries(fitted.weights)
		.filter(([, values]) => values.some((value) => Math.abs(value) >= smallestWeight))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([feature, values]) => [feature, values.map(round)] as const);
	return { threshold, intercepts: fitted.intercepts.map(round), weights: Object.fromEntries(weights) };
}

/** The shipped model written as src/answers/order-intent-weights.ts, one feature per line so that a refit reads as a diff. */
export function weightsModule(model: OrderIntentModel): string {
	const lines = Object.entries(model.weights).map(([feature, values]) => `\t\t${JSON.stringify(feature)}: [${values.join(', ')}],`);
	return [
		`import type { OrderIntentModel } from './order-intent-model.ts';`,
		'',
		'/**',
		' * Written by `npm run fit:order-router` (scripts/fit-order-router.ts) from tests/fixtures/answers/router-phrasings.json:',
		' * do not edit by hand. Refit after changing the phrasings, the features or the router\'s patterns.',
		' */',
		'export const orderIntentModel: OrderIntentModel = {',
		`\tthreshold: ${model.threshold},`,
		`\tintercepts: [${model.intercepts.join(', ')}],`,
		'\tweights: {',
		...lines,
		'\t},',
		'};',
		'',
	].join('\n');
}
