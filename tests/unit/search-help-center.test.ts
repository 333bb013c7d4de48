import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBuiltSite, type NodeSearch } from '../../scripts/lib/node-pagefind';
import { knownWordsNear } from '../../src/search/build/known-words';
import { VocabularyCounter } from '../../src/search/build/vocabulary-counter';
import { searchHelpCenter } from '../../src/search/query/search-help-center';
import { serializeVocabulary } from '../../src/search/query/vocabulary';

/** A small help center of our own, indexed by the real Pagefind: the query core is tested without building the site. */
const articles = [
	{ url: '/en/returns/refund-timing', title: 'When will I get my refund?', category: 'returns', content: 'Refunds reach your card within five working days of the parcel arriving at our warehouse.' },
	{ url: '/en/returns/return-shipping', title: 'Return shipping costs', category: 'returns', content: 'A prepaid label costs five euros, deducted from your refund. Faulty items are returned for free.' },
	{ url: '/en/shipping/lost-parcel', title: 'Missing or damaged parcel', category: 'shipping', content: 'If your parcel never arrived, tell us within thirty days and we send a new one.' },
	{ url: '/en/shipping/delivery-times', title: 'Delivery times', category: 'shipping', content: 'Standard delivery takes three to five working days; express delivery arrives the next day.' },
	{ url: '/en/payments/gift-cards', title: 'Gift cards', category: 'payments', content: 'Gift cards never expire and can pay for part of an order.' },
];
/**
 * A French article whose words lie one letter from English ones ("chère" from "where", "parce" from "parcel"), and two
 * whose words share a start past a stem: Pagefind indexes "remboursement" as "rembours" and "remboursée" as "rembourse".
 */
const frenchArticles = [
	{ url: '/fr/shipping/delais', title: 'Délais de livraison', category: 'shipping', content: 'Votre colis arrive vite parce que nous expédions chaque jour ; la livraison express est plus chère.' },
	{ url: '/fr/returns/remboursement', title: 'Délai de remboursement', category: 'returns', content: 'Le remboursement arrive sous cinq jours ouvrés, et chaque remboursement est annoncé par e-mail.' },
	{ url: '/fr/payments/cartes-cadeaux', title: 'Cartes cadeaux', category: 'payments', content: 'Une carte cadeau achetée par erreur est remboursée sur la carte bancaire.' },
];

let root: string;
let search: NodeSearch;
const vocabularies = new Map<string, string>();
beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'query-core-'));
	const { index } = await pagefind.createIndex({});
	if (!index) throw new Error('Pagefind did not start');
	for (const [language, records] of [['en', articles], ['fr', frenchArticles]] as const) {
		const counter = new VocabularyCounter();
		for (const article of records) {
			await index.addCustomRecord({ url: article.url, content: article.content, language, meta: { title: article.title, category: article.category }, filters: { category: [article.category] } });
			counter.add(`${article.title} ${article.content}`);
		}
		vocabularies.set(language, serializeVocabulary(counter.words(), knownWordsNear(counter.words(), language)));
	}
	await index.writeFiles({ outputPath: join(root, 'pagefind') });
	await index.deleteIndex();
	for (const [language, words] of vocabularies) writeFileSync(join(root, `pagefind/words.${language}.txt`), words);
	search = await searchBuiltSite(root);
}, 60_000);
afterAll(async () => {
	await search?.stop();
	await pagefind.close();
	rmSync(root, { recursive: true, force: true });
});

async function searchFor(query: string, options: { complete?: boolean; category?: string; language?: string } = {}) {
	const { language = 'en' } = options;
	const others = async () => (await Promise.all(['en', 'fr'].filter((other) => other !== language).map((other) => search.vocabulary(other)))).filter((vocabulary) => vocabulary !== undefined);
	const outcome = await searchHelpCenter(search.pagefind(language), { query, language, complete: options.complete ?? true, category: options.category, vocabulary: () => search.vocabulary(language), otherVocabularies: others });
	const urls = await Promise.all(outcome.results.map(async (result) => (await result.data()).url));
	return { ...outcome, urls };
}

describe('the query core on a real Pagefind index', () => {
	it('finds the articles with every word, best first', async () => {
		const outcome = await searchFor('refund');
		expect(outcome.urls[0]).toBe('/en/returns/refund-timing');
		expect(outcome.partial).toBe(false);
		expect(outcome.corrected).toBeUndefined();
		expect(outcome.urls).toEqual(['/en/returns/refund-timing', '/en/returns/return-shipping']);
	});

	it('corrects a misspelt word from the index’s own vocabulary and says what it searched instead', async () => {
		const outcome = await searchFor('refnud');
		expect(outcome.corrected).toBe('refund');
		expect(outcome.urls[0]).toBe('/en/returns/refund-timing');
	});

	it('searches the word being typed as a start, and only whole words once the query is complete', async () => {
		expect((await searchFor('deliv', { complete: false })).urls).toContain('/en/shipping/delivery-times');
		expect((await searchFor('gift car', { complete: false })).urls[0]).toBe('/en/payments/gift-cards');
	});

	it('finds what the finished word finds at every letter of a word typed past its indexed stem', async () => {
		for (const typed of ['rembours', 'remboursem', 'rembourseme', 'remboursemen']) {
			const outcome = await searchFor(typed, { complete: false, language: 'fr' });
			expect(outcome.urls[0], typed).toBe('/fr/returns/remboursement');
			// Completing the word being typed is not a correction to announce.
			expect(outcome.corrected, typed).toBeUndefined();
		}
		expect((await searchFor('remboursmen', { complete: false, language: 'fr' })).urls[0]).toBe('/fr/returns/remboursement');
	});

	it('follows with the articles that have most of the words when none has them all', async () => {
		const outcome = await searchFor('parcel gift expire');
		expect(outcome.partial).toBe(true);
		expect(outcome.urls[0]).toBe('/en/payments/gift-cards');
		expect(outcome.urls).toContain('/en/shipping/lost-parcel');
	});

	it('keeps to a category and counts the results of every category, and finds nothing for a word no article has', async () => {
		const days = await searchFor('days', { category: 'shipping' });
		expect(days.urls).toEqual(['/en/shipping/delivery-times', '/en/shipping/lost-parcel']);
		expect(days.categoryCounts).toEqual({ payments: 0, returns: 1, shipping: 2 });
		expect((await searchFor('xylophone')).urls).toEqual([]);
	});

	it('does not respell a query in another language of the site with this one’s words, and still corrects its own', async () => {
		expect((await searchFor('where is my parcel', { language: 'fr' })).corrected).toBeUndefined();
		expect((await searchFor('votre colsi', { language: 'fr' })).corrected).toBe('votre colis');
		expect((await searchFor('le colis de refnud')).corrected).toBeUndefined();
		expect((await searchFor('my refnud')).corrected).toBe('my refund');
	});

	it('does not respell a word of another language of the site that this one lacks, even without its stop words', async () => {
		// "parcel arrived" is English on the French pages: not "parce arrive".
		expect((await searchFor('parcel arrived', { language: 'fr' })).corrected).toBeUndefined();
		expect((await searchFor('parcel arriv', { language: 'fr', complete: false })).corrected).toBeUndefined();
		expect((await searchFor('colsi arrived', { language: 'fr' })).corrected).toBe('colis arrived');
	});

	it('does not respell a real word into its neighbour, and still corrects a slip', async () => {
		// "ways" is a word, one letter from the index's "days": "days to pay" would answer another question.
		expect((await searchFor('ways to pay')).corrected).toBeUndefined();
		expect((await searchFor('working dyas')).corrected).toBe('working days');
	});

	it('normalises what the shopper typed into the query events record', async () => {
		expect((await searchFor('  REFUND\u200b  ')).query).toBe('refund');
	});
});
