import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionMaxLength } from '../../functions/contract/form-rules';
import { contactUrlWith } from '../../src/components/client/contact-prefill';
import { endsMidPhrase, looksLikeQuestion } from '../../src/search/query/words';
import { questionText } from '../../src/search/ui/answers';

describe('which text is a question for the answer engine', () => {
	it('asks for questions and for three words or more, not for one or two search words', () => {
		for (const text of ['how long does a refund take', 'refund not received', 'refund?', 'how refund', 'où colis', 'combien remboursement', 'qu’est-ce que Klarna', 'where is my order 1004']) {
			expect(looksLikeQuestion(text, text.match(/où|combien|qu’/) ? 'fr' : 'en'), text).toBe(true);
		}
		for (const text of ['refund', 'delivery time', 'remboursement colis', '', '   ', '?']) expect(looksLikeQuestion(text, 'en'), text).toBe(false);
		// Question words are the page language's: "comment" starts nothing in English.
		expect(looksLikeQuestion('comment retour', 'en')).toBe(false);
		expect(looksLikeQuestion('comment retour', 'fr')).toBe(true);
	});

	it('waits while the text stops mid-phrase', () => {
		expect(endsMidPhrase('how do I change my', 'en')).toBe(true);
		expect(endsMidPhrase('combien de temps pour un', 'fr')).toBe(true);
		expect(endsMidPhrase('how do I change my address', 'en')).toBe(false);
		expect(endsMidPhrase('where is my order 1004', 'en')).toBe(false);
		expect(endsMidPhrase('can I pay with a', 'en')).toBe(true);
		expect(endsMidPhrase('what does "in" mean?', 'en')).toBe(false);
	});

	it('sends clean text the API’s text policy takes: no invisible characters, line breaks kept, cut at a word', () => {
		expect(questionText('  where is\u200B my\u202E order?  ')).toBe('where is my order?');
		expect(questionText('Refund\r\n\r\n\r\nI sent it back.\tHow long?')).toBe('Refund\n\nI sent it back. How long?');
		const long = questionText('refund '.repeat(200));
		expect(long.length).toBeLessThanOrEqual(questionMaxLength);
		expect(long.endsWith('refund')).toBe(true);
	});
});

describe('the question carried to the contact form', () => {
	it('travels in the fragment, never in the query, which servers see', () => {
		const url = contactUrlWith('/fr/contact', 'Où est ma commande ? #1004 & co');
		expect(url).toBe('/fr/contact#ask=O%C3%B9%20est%20ma%20commande%20%3F%20%231004%20%26%20co');
		expect(new URL(url, 'https://help.example').search).toBe('');
		expect(decodeURIComponent(new URL(url, 'https://help.example').hash.slice('#ask='.length))).toBe('Où est ma commande ? #1004 & co');
		expect(contactUrlWith('/en/contact', '  ')).toBe('/en/contact');
	});
});

describe('the answer card’s passage', () => {
	const globals = globalThis as { document?: unknown };
	beforeAll(() => {
		globals.document = parseHTML('<!doctype html><html><body></body></html>').document;
	});
	afterAll(() => {
		delete globals.document;
	});

	it('turns line breaks into paragraphs and lists, as text', async () => {
		const { passage } = await import('../../src/search/ui/answer-card');
		const { document } = parseHTML('<div></div>');
		const root = document.querySelector('div');
		root?.appendChild(passage('Once we have it:\n\n- Cards: 3 to 5 days.\n- PayPal: <b>1 day</b>.\n\n2. Then\n3. Done\n\nLast line\nand its end.') as unknown as Node);
		expect(root?.innerHTML).toBe(
			'<p>Once we have it:</p><ul><li>Cards: 3 to 5 days.</li><li>PayPal: &lt;b&gt;1 day&lt;/b&gt;.</li></ul><ol start="2"><li>Then</li><li>Done</li></ol><p>Last line<br>and its end.</p>',
		);
	});
});
