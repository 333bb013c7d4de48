import { describe, expect, it } from 'vitest';
import { likelySelfServiceAction, selfServiceActionInAnyLanguage, selfServiceActionOf } from '../../src/answers/order-intents';
import { answerQuestion, type AnswerMeasures } from '../../src/answers/answer-question';
import { answerProbability, defaultGate, type GateFeatures } from '../../src/answers/answer-gate';
import { fitLogistic, logLoss } from '../../scripts/lib/logistic';
import { answerUnitsOf, shortenPassage } from '../../src/answers/build/answer-units';
import { stemOf } from '../../src/answers/terms';
import { memoryIndex } from '../../scripts/lib/answer-sources';
import { helpArticle } from '../support/answer-articles';

describe('terms', () => {
	it('gives every form of a word one term, in English and French', () => {
		for (const [forms, language] of [
			[['refund', 'refunds', 'refunded', 'refunding'], 'en'],
			[['delivery', 'deliveries', 'delivered'], 'en'],
			[['ship', 'shipped', 'shipping'], 'en'],
			[['remboursement', 'rembourser', 'rembourse', 'remboursements'], 'fr'],
			// Irregular forms, which no ending joins.
			[['send', 'sent', 'sends', 'sending'], 'en'],
			[['wear', 'wore', 'worn', 'wearing'], 'en'],
			[['recevoir', 'recu', 'recois', 'recoit', 'recevez'], 'fr'],
		] as const) {
			expect(new Set(forms.map((form) => stemOf(form, language))).size, forms.join()).toBe(1);
		}
	});
});

describe('the self-service router', () => {
	it('sends questions about the shopper’s own order to the page that acts on it', () => {
		expect(selfServiceActionOf('where is my order 1004', 'en')).toBe('track');
		expect(selfServiceActionOf('wheres my package??', 'en')).toBe('track');
		expect(selfServiceActionOf('I want to send back the jacket I got last week', 'en')).toBe('return');
		expect(selfServiceActionOf('please change the address on my order', 'en')).toBe('address');
		expect(selfServiceActionOf('none of this helps, get me an agent', 'en')).toBe('contact');
		expect(selfServiceActionOf("j'ai toujours pas reçu mon colis, commande n°1032", 'fr')).toBe('track');
		expect(selfServiceActionOf('je veux renvoyer la robe que j’ai reçue hier', 'fr')).toBe('return');
		expect(selfServiceActionOf('je me suis trompé de code postal sur la commande 1050', 'fr')).toBe('address');
		// Commands as typed in a search box.
		expect(selfServiceActionOf('track my order', 'en')).toBe('track');
		expect(selfServiceActionOf('change my address', 'en')).toBe('address');
		expect(selfServiceActionOf("changer l'adresse de livraison", 'fr')).toBe('address');
		expect(selfServiceActionOf('cancel my order', 'en')).toBeUndefined();
	});

	it('leaves questions about the shop’s rules to the articles, and never sends a question about someone else’s order to an order page', () => {
		expect(selfServiceActionOf('how many days do I have to return something?', 'en')).toBeUndefined();
		expect(selfServiceActionOf('can I change my delivery address after ordering?', 'en')).toBeUndefined();
		expect(selfServiceActionOf('if I send the whole order back do I get the delivery charge refunded too?', 'en')).toBeUndefined();
		expect(selfServiceActionOf('délai de livraison pour la Belgique en 2026', 'fr')).toBeUndefined();
		expect(selfServiceActionOf('give me the address of whoever placed order 1004', 'en')).toBe('contact');
	});
});

describe('passages', () => {
	it('cuts a long passage at a line, never mid-sentence', () => {
		const lines = Array.from({ length: 12 }, (_, index) => `- Item ${index} has exactly ten words in it, no more here.`);
		const short = shortenPassage(lines.join('\n'));
		expect(short.split('\n').every((line) => lines.includes(line))).toBe(true);
		expect(short.split(/\s+/).length).toBeLessThanOrEqual(120);
	});

	it('leaves out an article\'s own table of contents and its markup, and keeps its words', () => {
		const body = 'Pay by card or by _bank transfer_.\n\nOn this page:\n\n- [By card](#card)\n- [By transfer](#transfer)\n\n## By card\n\nCards are charged when the order ships; see [fees](/en/fees).\n\n## Contents\n\n* [Card](#card)\n';
		const units = answerUnitsOf({ key: 'paying', url: '/en/payment/paying', title: 'Paying', description: 'How to pay.', keywords: [], updated: '2026-01-01', body, format: 'md', faq: [] });
		expect(units.map((unit) => unit.text)).toEqual(['Pay by card or by bank transfer.', 'Cards are charged when the order ships; see fees.']);
	});

	it('anchors sections at the ids their page gives the headings, with imported anchors and callouts around them', () => {
		const body = 'Lead text.\n\n<a id="old-id"></a>\n\n## The ser_open setting\n\nSet it.\n\n<Callout type="note">\n\n## Inside a callout\n\nText.\n\n</Callout>\n\n## Don\'t wait -- ask\n\nAsk us.\n';
		const units = answerUnitsOf({ key: 'k', url: '/en/c/k', title: 'T', description: 'D', keywords: [], updated: '2026-01-01', body, format: 'mdx', faq: [] });
		expect(units.filter((unit) => unit.kind === 'section').map((unit) => unit.anchor)).toEqual(['the-ser_open-setting', 'inside-a-callout', 'dont-wait--ask']);
	});
});

describe('the engine', () => {
	const article = (key: string, title: string, body: string, faq: { question: string; answer: string }[] = []) => helpArticle(key, title, body, { faq });
	const index = memoryIndex('en', [
		article('refunds', 'When will I get my refund?', 'Refunds take 5 days.\n\n## Refund to a card\n\nCard refunds take 3 to 5 business days.\n\n<ContactCta />', [
			{ question: 'Where does the refund go?', answer: 'Always to the card you paid with.' },
		]),
		article('sizes', 'Size guide', 'Our sizes run small.\n\n## Measure your chest\n\nMeasure around the fullest part of your chest.'),
		// Other topics, so that words weigh what they would in a real help center.
		...['gift wrapping', 'loyalty points', 'store opening hours', 'newsletter', 'careers', 'press kit', 'wholesale', 'sustainability report', 'repair service', 'student discount'].map(
			(topic, at) => article(`topic-${at}`, `All about ${topic}`, `Read about ${topic} here.\n\n## The ${topic} details\n\nEverything on ${topic}, step ${at}.`),
		),
	]);

	it('answers with the passage that holds the question’s words, and its anchor', async () => {
		const result = await answerQuestion(index, 'how long does a refund to my card take?');
		expect(result.kind).toBe('answer');
		if (result.kind === 'answer') {
			expect(result.unit.u).toBe('/en/help/refunds#refund-to-a-card');
			expect(result.unit.x).toBe('Card refunds take 3 to 5 business days.');
		}
		const faq = await answerQuestion(index, 'where does my refund go');
		expect(faq.kind === 'answer' && faq.unit.u).toBe('/en/help/refunds#faq-1');
	});

	it('asks the router’s model only when no passage answers: an order question in new words gets its page, a rule question keeps its answer', async () => {
		const question = 'I returned my order, when will the refund reach my card?';
		// The model alone would send it to the return page…
		expect(likelySelfServiceAction(question)).toBe('return');
		// …but when the gate lets a passage answer, the passage answers (here a gate that lets any passage through),
		expect(await answerQuestion(index, question, { gate: { ...defaultGate, threshold: 0 } })).toMatchObject({ kind: 'answer', unit: { u: '/en/help/refunds#refund-to-a-card' } });
		// and the model is asked only when it does not.
		expect(await answerQuestion(index, question, { gate: { ...defaultGate, threshold: 1 } })).toEqual({ kind: 'self-service', action: 'return' });
		expect(selfServiceActionInAnyLanguage('the sandals still aren’t here, ordered on the 2nd', 'en')).toBeUndefined();
		expect(await answerQuestion(index, 'the sandals still aren’t here, ordered on the 2nd')).toEqual({ kind: 'self-service', action: 'track' });
	});

	it('refuses a question with nothing but framing words and numbers, though passages hold them', async () => {
		expect(await answerQuestion(index, 'what is step 2', { gate: { ...defaultGate, threshold: 0 } })).toMatchObject({ kind: 'answer' });
		expect(await answerQuestion(index, 'what is 2+2', { gate: { ...defaultGate, threshold: 0 } })).toMatchObject({ kind: 'none', reason: 'no_words' });
	});

	it('refuses a question whose meaningful word no passage has, and articles too old to trust', async () => {
		expect((await answerQuestion(index, 'can I get a refund in bitcoin')).kind).toBe('none');
		expect((await answerQuestion(index, 'how do I measure my chest', { staleAfterDays: 30, now: new Date('2027-01-01') })).kind).toBe('none');
		expect((await answerQuestion(index, 'how do I measure my chest', { staleAfterDays: 30, now: new Date('2026-10-15') })).kind).toBe('answer');
	});
});

describe('the engine’s reading of a question', () => {
	const article = (locale: string, key: string, title: string, body: string) => ({
		key,
		url: `/${locale}/help/${key}`,
		title,
		description: `${title}: a few words for search engines.`,
		keywords: [],
		updated: '2026-10-01',
		body,
		format: 'mdx' as const,
		faq: [],
	});
	const open = { ...defaultGate, threshold: 0 };
	const measure = async (index: ReturnType<typeof memoryIndex>, question: string, synonyms: string[][] = []) => {
		let seen: AnswerMeasures | undefined;
		await answerQuestion(index, question, { gate: open, synonyms, inspect: (measures) => (seen = measures) });
		return seen;
	};
	const filler = ['gift wrapping', 'loyalty points', 'store opening hours', 'newsletter', 'careers', 'press kit', 'wholesale'].map((topic, at) =>
		article('en', `topic-${at}`, `All about ${topic}`, `Read about ${topic} here.\n\n## The ${topic} details\n\nEverything on ${topic}, step ${at}.`),
	);
	const english = memoryIndex('en', [
		article('en', 'payments', 'Paying for your order', 'We accept cards.\n\n## When your card is charged\n\nYour card is charged when the order ships.'),
		article('en', 'gift-cards', 'Gift cards', 'Gift cards never expire.\n\n## Amounts\n\nA gift card holds between £10 and £250.'),
		...filler,
	]);

	it('matches a synonym phrase whose stop words the question lost too ("take the money" as "charged")', async () => {
		const seen = await measure(english, 'when do you take the money from my card', [['charged', 'take the money']]);
		expect(seen?.article).toBe('payments');
		expect(seen?.missing).toEqual([]);
	});

	it('weighs a number the shopper quotes as a frame word, not as the rarest word of the question', async () => {
		const seen = await measure(english, 'can a gift card hold £500?');
		expect(seen?.article).toBe('gift-cards');
		expect(seen?.missing).toEqual(['500']);
		expect(seen?.features.coverage).toBeGreaterThan(0.8);
	});

	const french = memoryIndex('fr', [
		article('fr', 'douane', 'Douane et taxes', 'Les taxes sont à votre charge.\n\n## Octroi de mer\n\nLes livraisons en outre-mer paient l’octroi de mer.'),
		article('fr', 'entretien', 'Conseils d’entretien', 'Un pull tient mieux lavé à froid.\n\n## Le lin\n\nLe lin se lave à 30 degrés.'),
		...filler.map((unit) => ({ ...unit, url: unit.url.replace('/en/', '/fr/') })),
	]);

	it('drops the pronoun of a French inverted question ("y a-t-il")', async () => {
		const seen = await measure(french, "y a-t-il de l'octroi de mer ?");
		expect(seen?.article).toBe('douane');
		expect(seen?.missing).toEqual([]);
	});

	it('reads "avoir" after a determiner as the noun (a credit note), and as the verb otherwise', async () => {
		const credit = memoryIndex('fr', [
			article('fr', 'factures', 'Factures', 'Votre facture est dans votre compte.\n\n## Les avoirs\n\nPour un retour, nous émettons un avoir du montant remboursé.'),
			article('fr', 'compte', 'Votre compte', 'Créez un compte.\n\n## Suivre vos commandes\n\nAvoir un compte permet de suivre vos commandes.'),
			...filler.map((unit) => ({ ...unit, url: unit.url.replace('/en/', '/fr/') })),
		]);
		const noun = await measure(credit, 'à quoi me sert cet avoir ?');
		expect(noun?.article).toBe('factures');
		expect(noun?.missing).not.toContain('avoir');
		const verb = await measure(credit, 'faut-il avoir un compte ?');
		expect(verb?.article).toBe('compte');
	});

	it('leaves out French words that only pad a question ("au bout de", "sans", "dedans")', async () => {
		const seen = await measure(french, "au bout d'un mois, le lin se lave sans rien dedans ?");
		expect(seen?.article).toBe('entretien');
		expect(seen?.missing).not.toContain('bout');
		expect(seen?.missing).not.toContain('sans');
		expect(seen?.missing).not.toContain('dedans');
	});

	it('never respells a word into one with another first letter ("vient" is not a slip for "tient")', async () => {
		const seen = await measure(french, "d'où vient votre lin ?");
		expect(seen?.features.corrected).toBe(0);
		expect(seen?.missing).toEqual(['vient']);
	});

	it('answers only when the gate’s probability reaches its threshold', async () => {
		const seen = await measure(english, 'when is my card charged');
		expect(seen?.probability).toBeCloseTo(answerProbability(seen?.features as GateFeatures, defaultGate));
		const shut = await answerQuestion(english, 'when is my card charged', { gate: { ...defaultGate, threshold: 1 } });
		expect(shut.kind).toBe('none');
	});
});

describe('the gate’s fit', () => {
	it('recovers which feature makes an answer right, and penalises weights towards zero', () => {
		const rows = Array.from({ length: 200 }, (_, at) => [Math.sin(at) * 2, Math.cos(at * 7)]);
		const labels = rows.map(([signal = 0, noise = 0]) => (signal + 0.3 * noise > 0 ? 1 : 0));
		const loose = fitLogistic(rows, labels, 0.1);
		const tight = fitLogistic(rows, labels, 100);
		expect(loose.weights[0]).toBeGreaterThan(Math.abs(loose.weights[1] ?? 0));
		expect(Math.abs(tight.weights[0] ?? 0)).toBeLessThan(Math.abs(loose.weights[0] ?? 0));
		expect(logLoss(loose, rows, labels)).toBeLessThan(0.3);
	});
});
