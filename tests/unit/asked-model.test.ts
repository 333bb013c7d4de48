import { describe, expect, it } from 'vitest';
import { askedModelOf, readQuestion, type AskedModel } from '../../src/answers/asked-model';

const askedOdds = (model: AskedModel, question: string, article: string) => readQuestion(model, question).odds(article);
import { answerQuestion } from '../../src/answers/answer-question';
import { memoryIndex } from '../../scripts/lib/answer-sources';
import { buildAnswerIndex } from '../../src/answers/build/build-answer-index';
import { askedFile } from '../../src/answers/index-layout';
import { helpArticle } from '../support/answer-articles';

const articles = [
	{ key: 'countries', asked: ['do you deliver to Réunion?', 'vous livrez en Guadeloupe ?', 'which countries do you deliver to', 'do you deliver to Switzerland'] },
	{ key: 'customs', asked: ['will I pay import taxes?', 'customs fees for Switzerland', 'who pays the taxes on delivery', 'duties to Norway'] },
	{ key: 'sizes', asked: [] },
];

describe('what the articles’ asked questions teach', () => {
	const model = askedModelOf(articles);

	it('counts the questions of the articles that list some, and nothing when none does', () => {
		expect(model?.articles).toEqual(['countries', 'customs']);
		expect(model?.questions).toEqual([4, 4]);
		expect(askedModelOf([{ key: 'sizes', asked: [] }, { key: 'care' }])).toBeUndefined();
	});

	it('tells the article asked about from one whose words the question shares', () => {
		if (!model) throw new Error('no model');
		// Both articles name Switzerland; "deliver" is asked of one, "taxes" of the other.
		expect(askedOdds(model, 'do you deliver to Martinique', 'countries')).toBeGreaterThan(0);
		expect(askedOdds(model, 'do you deliver to Martinique', 'customs')).toBeLessThan(0);
		expect(askedOdds(model, 'taxes to pay for Switzerland?', 'customs')).toBeGreaterThan(0);
		// An article that lists no questions is left to the words alone.
		expect(askedOdds(model, 'do you deliver to Martinique', 'sizes')).toBeUndefined();
	});

	it('ignores words no question holds, and words named like an object’s own properties', () => {
		if (!model) throw new Error('no model');
		const odds = askedOdds(model, 'do you deliver to Martinique', 'countries');
		expect(askedOdds(model, 'do you deliver to Martinique zebra quantum', 'countries')).toBe(odds);
		expect(askedOdds(model, 'constructor tostring __proto__ hasownproperty', 'countries')).toBe(0);
	});

	it('keeps its odds within ±20', () => {
		const greek = 'alpha beta gamma delta epsilon zeta theta iota kappa lambda sigma omega apple banana cherry grape lemon mango melon peach pearl plum quince';
		const sure = askedModelOf([{ key: 'greek', asked: [greek] }, { key: 'other', asked: [Array.from({ length: 60 }, (_, at) => `word${at}`).join(' ')] }]);
		if (!sure) throw new Error('no model');
		expect(askedOdds(sure, greek, 'greek')).toBe(20);
		expect(askedOdds(sure, greek, 'other')).toBe(-20);
	});
});

describe('the answer index with asked questions', () => {
	const article = (key: string, title: string, body: string, asked: string[] = []) => helpArticle(key, title, body, { asked });

	it('holds what they teach only when an article lists some', () => {
		expect(buildAnswerIndex('en', [article('a', 'Alpha', 'Some text.')]).has(askedFile)).toBe(false);
		const files = buildAnswerIndex('en', [article('a', 'Alpha', 'Some text.', ['what is alpha'])]);
		expect(JSON.parse(files.get(askedFile) ?? '{}')).toMatchObject({ articles: ['a'], questions: [1] });
	});

	it('puts first the passage of the article the asked questions plainly point to, over one whose words match better', async () => {
		const countries = (asked: string[] = []) => article('countries', 'Countries we ship to', 'We ship across Europe.\n\n## Overseas France\n\nWe ship to Réunion, Guadeloupe and Martinique by Colissimo.', asked);
		const customs = (asked: string[] = []) => article('customs', 'Customs and duties', 'Orders within the EU pay no duties.\n\n## Ship to Réunion\n\nWhen we ship to Réunion, the parcel pays dock dues (octroi de mer) on arrival in Réunion.', asked);
		const open = { intercept: 0, weights: {}, threshold: 0 };
		const question = 'do you ship to Réunion?';
		const byWords = await answerQuestion(memoryIndex('en', [countries(), customs()]), question, { gate: open, askedGate: open });
		expect(byWords.kind === 'answer' && byWords.unit.u).toBe('/en/help/customs#ship-to-réunion');
		const taught = memoryIndex('en', [
			countries(['do you ship to the islands', 'which countries do you deliver to', 'can you send parcels overseas', 'do you ship to Martinique']),
			customs(['will I pay import taxes', 'customs fees on my parcel', 'who pays duties', 'dock dues for overseas']),
		]);
		const byAsked = await answerQuestion(taught, question, { gate: open, askedGate: open });
		expect(byAsked.kind === 'answer' && byAsked.unit.u).toBe('/en/help/countries#overseas-france');
	});

	it('lets the engine answer from the article shoppers ask, where the words alone would not decide', async () => {
		const body = (topic: string) => `About ${topic}.\n\n## Overseas\n\nWe deliver to Réunion and Guadeloupe; ${topic} apply there as everywhere.`;
		const plain = [article('countries', 'Where we deliver', body('delivery options')), article('customs', 'Customs and duties', body('customs duties'))];
		const taught = [
			article('countries', 'Where we deliver', body('delivery options'), ['do you deliver to Martinique?', 'do you ship to the islands', 'can you deliver overseas', 'countries you deliver to']),
			article('customs', 'Customs and duties', body('customs duties'), ['will I pay import taxes', 'customs fees on my parcel', 'who pays duties', 'taxes for overseas orders']),
		];
		const question = 'do you deliver to Réunion?';
		const inspect = async (articles: ReturnType<typeof article>[]) => {
			let asked: number | undefined;
			await answerQuestion(memoryIndex('en', articles), question, { inspect: (seen) => (asked = seen.features.asked) });
			return asked;
		};
		expect(await inspect(plain)).toBeUndefined();
		const odds = await inspect(taught);
		expect(odds).toBeDefined();
		// The passage found first is scored by which article shoppers ask this of.
		const top = await answerQuestion(memoryIndex('en', taught), question, { gate: { intercept: 0, weights: {}, threshold: 0 }, askedGate: { intercept: 0, weights: {}, threshold: 0 } });
		expect(top.kind).toBe('answer');
		if (top.kind === 'answer') expect(Math.sign(odds ?? 0)).toBe(top.unit.a === 'countries' ? 1 : -1);
	});
});
