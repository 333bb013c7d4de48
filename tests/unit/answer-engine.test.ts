import { describe, expect, it } from 'vitest';
import { selfServiceActionOf } from '../../src/answers/order-intents';
import { answerQuestion } from '../../src/answers/answer-question';
import { answerUnitsOf, shortenPassage } from '../../src/answers/build/answer-units';
import { stemOf } from '../../src/answers/terms';
import { memoryIndex } from '../../scripts/lib/answer-sources';

describe('terms', () => {
	it('gives every form of a word one term, in English and French', () => {
		for (const [forms, language] of [
			[['refund', 'refunds', 'refunded', 'refunding'], 'en'],
			[['delivery', 'deliveries', 'delivered'], 'en'],
			[['ship', 'shipped', 'shipping'], 'en'],
			[['remboursement', 'rembourser', 'rembourse', 'remboursements'], 'fr'],
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

	it('anchors sections at the ids their page gives the headings, with imported anchors and callouts around them', () => {
		const body = 'Lead text.\n\n<a id="old-id"></a>\n\n## The ser_open setting\n\nSet it.\n\n<Callout type="note">\n\n## Inside a callout\n\nText.\n\n</Callout>\n\n## Don\'t wait -- ask\n\nAsk us.\n';
		const units = answerUnitsOf({ key: 'k', url: '/en/c/k', title: 'T', description: 'D', keywords: [], updated: '2026-01-01', body, format: 'mdx', faq: [] });
		expect(units.filter((unit) => unit.kind === 'section').map((unit) => unit.anchor)).toEqual(['the-ser_open-setting', 'inside-a-callout', 'dont-wait--ask']);
	});
});

describe('the engine', () => {
	const article = (key: string, title: string, body: string, faq: { question: string; answer: string }[] = []) => ({
		key,
		url: `/en/help/${key}`,
		title,
		description: `${title}: what to know about it, in a few words for search engines.`,
		keywords: [],
		updated: '2026-10-01',
		body,
		format: 'mdx' as const,
		faq,
	});
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

	it('refuses a question whose meaningful word no passage has, and articles too old to trust', async () => {
		expect((await answerQuestion(index, 'can I get a refund in bitcoin')).kind).toBe('none');
		expect((await answerQuestion(index, 'how do I measure my chest', { staleAfterDays: 30, now: new Date('2027-01-01') })).kind).toBe('none');
		expect((await answerQuestion(index, 'how do I measure my chest', { staleAfterDays: 30, now: new Date('2026-10-15') })).kind).toBe('answer');
	});
});
