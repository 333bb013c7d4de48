import { describe, expect, it } from 'vitest';
import { rankArticles, words, type IndexedArticle } from '../../src/components/self-service/rank-articles';

const article = (title: string, description: string, keywords = ''): IndexedArticle => ({
	title,
	url: `/en/${title.toLowerCase().replace(/\W+/g, '-')}`,
	description,
	keywords,
});

const articles = [
	article('Delivery times and costs', 'How long delivery takes to each country and what it costs.', 'shipping cost free delivery Shipping & delivery'),
	article('When will I get my refund?', 'Refunds go back to your original payment method within 5 business days.', 'refund timing money back Returns & refunds'),
	article('Our return policy', 'What you can return, how long you have, and how we pay your refund.', 'return window Returns & refunds'),
	article('Size guide', 'Find your size for tops, trousers and dresses.', 'sizing measurements Products & sizing'),
	article('Payment declined', 'Why a card payment can be refused and what to do.', 'card refused Payments'),
	article('Remboursement : délais', 'Les remboursements arrivent sous 5 jours ouvrés.', 'rembourser argent'),
];

describe('words', () => {
	it('lower-cases, drops accents, short and common words', () => {
		expect(words('Où est MON Remboursé, the refund?')).toEqual(['rembourse', 'refund']);
	});
});

describe('rankArticles', () => {
	it('puts the articles about refunds first for "refund"', () => {
		const titles = rankArticles(articles, 'refund').map((entry) => entry.title);
		expect(titles.slice(0, 2)).toEqual(['When will I get my refund?', 'Our return policy']);
		expect(titles).not.toContain('Size guide');
	});

	it('matches other forms of a word and ignores accents ("remboursé" finds "Remboursement")', () => {
		expect(rankArticles(articles, 'remboursé')[0]?.title).toBe('Remboursement : délais');
		expect(rankArticles(articles, 'sizes')[0]?.title).toBe('Size guide');
	});

	it('completes the word being typed, but not a finished one', () => {
		expect(rankArticles(articles, 'refu')[0]?.title).toBe('When will I get my refund?');
		expect(rankArticles(articles, 'rem')[0]?.title).toBe('Remboursement : délais');
		expect(rankArticles(articles, 'rem ')).toEqual([]);
	});

	it('returns nothing for text that matches no article, and at most `limit` articles', () => {
		expect(rankArticles(articles, 'xylophone')).toEqual([]);
		expect(rankArticles(articles, 'the and of')).toEqual([]);
		expect(rankArticles(articles, 'delivery refund return size payment', 3)).toHaveLength(3);
	});
});
