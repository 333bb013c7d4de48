import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from '../../src/search/query/pagefind-api';
import { likelyNextQuery } from '../../src/search/query/look-ahead';

/** A result whose matched words (its `locations`) are `matched`, in a text that also has other words. */
function result(matched: string[]): PagefindResultData {
	const words = ['Ask', 'for', 'a', ...matched.flatMap((word) => [word, 'and'])];
	return {
		url: '/en/x',
		excerpt: '',
		content: words.join(' '),
		locations: matched.map((_, index) => 3 + index * 2),
		meta: {},
		filters: {},
		sub_results: [],
	};
}

describe('likelyNextQuery', () => {
	it('adds the next letter of the word the results matched most often', () => {
		expect(likelyNextQuery('refu', [result(['refund', 'refunds']), result(['refund.', 'Refurbished'])])).toBe('refun');
		expect(likelyNextQuery('gift car', [result(['cards', 'card']), result(['card'])])).toBe('gift card');
	});

	it('keeps the letters as typed and follows the accents of the articles', () => {
		expect(likelyNextQuery('Adresse de livr', [result(['livraison'])])).toBe('Adresse de livra');
		expect(likelyNextQuery('del', [result(['délai', 'délais'])])).toBe('dela');
	});

	it('guesses nothing for a finished word, a short start or a word the results do not continue', () => {
		expect(likelyNextQuery('refund ', [result(['refunds'])])).toBeUndefined();
		expect(likelyNextQuery('re', [result(['refund'])])).toBeUndefined();
		expect(likelyNextQuery('refund', [result(['refund'])])).toBeUndefined();
		expect(likelyNextQuery('delivry', [result(['delivery'])])).toBeUndefined();
		expect(likelyNextQuery('refu', [])).toBeUndefined();
	});
});
