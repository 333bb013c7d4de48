import { describe, expect, it } from 'vitest';
import { actionProbabilities, modelAction, type OrderIntentModel } from '../../src/answers/order-intent-model';
import { questionFeatures } from '../../src/answers/question-features';
import { orderIntentModel } from '../../src/answers/order-intent-weights';
import { likelySelfServiceAction, routedText, selfServiceActionInAnyLanguage } from '../../src/answers/order-intents';
import { chooseThreshold, fitIntentWeights, misrouteCost, outOfFoldGuesses, shippedModel, type IntentRow } from '../../scripts/lib/order-intent-fit';
import { routerPhrasings } from '../../scripts/lib/router-phrasings';

describe('the router’s model', () => {
	it('reads a question as its words cut to five letters, the pairs side by side, and any order number as one feature, whether or not the shopper typed the apostrophes', () => {
		expect(questionFeatures(routedText('Retourner ma commande 40021'))).toEqual(['retou', 'ma', 'comma', '#', 'retou ma', 'ma comma', 'comma #']);
		expect(questionFeatures(routedText('order 5521087'))).toEqual(questionFeatures(routedText('order 1004')));
		expect(questionFeatures(routedText('it isn’t here'))).toEqual(questionFeatures(routedText('it isnt here')));
		expect(questionFeatures(routedText("j'attends l'article"))).toEqual(['atten', 'artic', 'atten artic']);
	});

	it('routes to its likeliest page when that is likely enough, and never to the contact page', () => {
		const model: OrderIntentModel = { threshold: 0.6, intercepts: [0, 0, 0, 0], weights: { late: [4, 0, 0, 0], joke: [0, 0, 0, 4], maybe: [0.5, 0, 0, 0] } };
		expect(modelAction(model, 'late')).toBe('track');
		expect(modelAction(model, 'joke')).toBeUndefined();
		// e^0.5 / (e^0.5 + 4) is about 0.29.
		expect(modelAction(model, 'maybe')).toBeUndefined();
		// A feature that names a property every object has is a feature like any other.
		expect(actionProbabilities(model, ['constructor', 'toString', '__proto__'])).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
	});

	it('learns a page from phrasings, and the threshold that weighs a rule question sent to a page as five missed order questions', () => {
		const rows: IntentRow[] = [
			...['my parcel is late', 'parcel late again', 'late parcel help', 'still late'].map((text) => ({ text, action: 'track' as const })),
			...['send back the coat', 'send back these shoes', 'coat back please'].map((text) => ({ text, action: 'return' as const })),
			...['how long is delivery', 'how do returns work', 'what is the return window'].map((text) => ({ text, action: null })),
		];
		const model = { ...fitIntentWeights(rows), threshold: 0.5 };
		expect(modelAction(model, 'my parcel is so late')).toBe('track');
		expect(modelAction(model, 'sending back the coat')).toBe('return');
		expect(modelAction(model, 'how long is the return window')).toBeUndefined();
		// A rule row guessed at 0.7 costs more than the four order rows from 0.7 up earn: the threshold goes above it,
		// to the step that keeps the most order rows (0.75 keeps two, 0.8 one).
		const guesses = [0.9, 0.78, 0.72, 0.71, 0.7].map((probability) => ({ action: 'track' as const, probability }));
		const labelled: IntentRow[] = [...Array.from({ length: 4 }, () => ({ text: '', action: 'track' as const })), { text: '', action: null }];
		expect(misrouteCost).toBe(5);
		expect(chooseThreshold(labelled, guesses)).toBe(0.75);
	});

	it('is what `npm run fit:order-router` fits on router-phrasings.json', () => {
		const rows = routerPhrasings('router-phrasings.json').map(({ question, action }) => ({ text: routedText(question), action }));
		const refit = shippedModel(fitIntentWeights(rows), chooseThreshold(rows, outOfFoldGuesses(rows)));
		expect(refit).toEqual(orderIntentModel);
	}, 60_000);
});

describe('the router, on phrasings written apart and never fitted on (router-check.json)', () => {
	const checks = routerPhrasings('router-check.json');
	const routed = checks.map((phrasing) => ({ ...phrasing, page: selfServiceActionInAnyLanguage(phrasing.question, phrasing.locale) ?? likelySelfServiceAction(phrasing.question) }));

	it('sends at least 90 % of order phrasings to the right page, and at most 5 % of rule phrasings to any page, before the articles are even asked', () => {
		const orders = routed.filter(({ action }) => action !== null);
		const rules = routed.filter(({ action }) => action === null);
		expect(orders.length).toBeGreaterThan(100);
		expect(rules.length).toBeGreaterThan(100);
		expect(orders.filter(({ action, page }) => page === action).length / orders.length).toBeGreaterThanOrEqual(0.9);
		expect(rules.filter(({ page }) => page !== undefined).length / rules.length).toBeLessThanOrEqual(0.05);
	});

	it('routes wording its patterns never saw, in both languages', () => {
		const cases: [string, string][] = [
			['the sandals still aren’t here, ordered on the 2nd', 'track'],
			['j’ai toujours pas mes sandales, commandées le 2', 'track'],
			['the skirt is too short for me, sending it back for a refund', 'return'],
			['la jupe est trop courte, je la renvoie pour être remboursée', 'return'],
		];
		for (const [question, page] of cases) {
			expect(selfServiceActionInAnyLanguage(question, 'en'), question).toBeUndefined();
			expect(likelySelfServiceAction(question), question).toBe(page);
		}
	});
});
