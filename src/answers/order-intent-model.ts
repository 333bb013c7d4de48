import type { SelfServicePage } from '../config/page-urls.ts';
import { questionFeatures } from './question-features.ts';

/** The pages the model can send a question to; a question for none of them is the model's reference class. */
export const modelActions = ['track', 'return', 'address', 'contact'] as const satisfies readonly SelfServicePage[];

/**
 * A multinomial logistic model of "this question is about the shopper's own order, and wants this page", over the
 * words of the question: for each feature (question-features.ts), one weight per action of {@link modelActions};
 * a question for no page scores 0. It catches what the router's patterns never saw ("the sandals still aren't
 * here, ordered on the 2nd"), and is asked only when they and the answer gate have nothing to say.
 */
export interface OrderIntentModel {
	/** Per feature, its weight for each action of {@link modelActions}. */
	weights: Record<string, readonly number[]>;
	/** Each action's score before any feature. */
	intercepts: readonly number[];
	/** The least probability of its likeliest action at which the model routes. */
	threshold: number;
}

/** The probability of each action of {@link modelActions}, and of no page last, for a question's features. */
export function actionProbabilities(model: Pick<OrderIntentModel, 'weights' | 'intercepts'>, features: string[]): number[] {
	const scores = [...modelActions.map((_, action) => model.intercepts[action] ?? 0), 0];
	for (const feature of features) {
		// Own features only: a question's word must never reach the object's prototype.
		const weights = Object.hasOwn(model.weights, feature) ? model.weights[feature] : undefined;
		weights?.forEach((weight, action) => (scores[action] = (scores[action] ?? 0) + weight));
	}
	const top = Math.max(...scores);
	const exps = scores.map((score) => Math.exp(score - top));
	const total = exps.reduce((sum, value) => sum + value, 0);
	return exps.map((value) => value / total);
}

/** The likeliest action of {@link modelActions} for a question's features, and its probability. */
export function likeliestAction(model: Pick<OrderIntentModel, 'weights' | 'intercepts'>, features: string[]): { action: (typeof modelActions)[number]; probability: number } {
	const probabilities = actionProbabilities(model, features);
	let best = 0;
	for (let action = 1; action < modelActions.length; action++) if ((probabilities[action] ?? 0) > (probabilities[best] ?? 0)) best = action;
	return { action: modelActions[best] ?? 'track', probability: probabilities[best] ?? 0 };
}

/**
 * The model's likeliest page for a folded question, when it is at least as likely as the model's threshold. Never
 * the contact page: the patterns see every way of asking for a person that the model does, and on new wording the
 * model's "contact" was a question it did not understand ("tell me a joke"), which is no reason to send anyone to a
 * person. The class stays in the fit so that such phrasings do not teach the other pages.
 */
export function modelAction(model: OrderIntentModel, text: string): SelfServicePage | undefined {
	const { action, probability } = likeliestAction(model, questionFeatures(text));
	return action !== 'contact' && probability >= model.threshold ? action : undefined;
}
