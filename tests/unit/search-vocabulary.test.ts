import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/search/build/vocabulary-counter';
import { serializeVocabulary, Vocabulary } from '../../src/search/query/vocabulary';

const vocabulary = Vocabulary.parse(
	serializeVocabulary(
		buildVocabulary([
			'Refund your order. Refund times. The refund policy.',
			'Return an item: print the return label, then return the parcel.',
			'Track your parcel with the tracking number. Délai de livraison.',
			'Shipping costs and delivery times. Delivery to the address you gave.',
			'Reset your password. Receive an email. Page two.',
			'Mot de passe oublié, page de connexion.',
		]),
	),
);

describe('buildVocabulary', () => {
	it('lists folded words, most frequent (by page) first', () => {
		const words = buildVocabulary(['refund refund refund', 'refund parcel', 'parcel délai']);
		expect(words).toEqual(['parcel', 'refund', 'delai']);
	});
});

describe('Vocabulary', () => {
	it('knows indexed words and word starts, ignoring accents', () => {
		expect(vocabulary.has('refund')).toBe(true);
		expect(vocabulary.has('delai')).toBe(true);
		expect(vocabulary.has('DÉLAI'.toLowerCase())).toBe(true);
		expect(vocabulary.has('refnd')).toBe(false);
		expect(vocabulary.hasPrefix('trac')).toBe(true);
		expect(vocabulary.hasPrefix('tracz')).toBe(false);
	});

	it('corrects a missing, extra, wrong or swapped letter', () => {
		expect(vocabulary.corrections('refnd')[0]).toBe('refund');
		expect(vocabulary.corrections('parcell')[0]).toBe('parcel');
		expect(vocabulary.corrections('pacrel')[0]).toBe('parcel');
		expect(vocabulary.corrections('recieve')[0]).toBe('receive');
		expect(vocabulary.corrections('adress')[0]).toBe('address');
	});

	it('prefers a doubled or undoubled letter among equally close words', () => {
		expect(vocabulary.corrections('pase')[0]).toBe('passe');
	});

	it('allows two edits in long words only, and leaves short words alone', () => {
		expect(vocabulary.corrections('shiping')).toContain('shipping');
		expect(vocabulary.corrections('trackng')).toContain('tracking');
		expect(vocabulary.corrections('rfnd')).toEqual([]);
		expect(vocabulary.corrections('tem')).toEqual([]);
	});

	it('completes a misspelt word being typed to the start of an indexed word', () => {
		const [start] = vocabulary.corrections('shipi', { prefix: true });
		expect(start?.length).toBeGreaterThanOrEqual(4);
		expect('shipping'.startsWith(start ?? '-')).toBe(true);
	});

	it('completes a word being typed with the most frequent indexed words it starts', () => {
		expect(vocabulary.completions('ret')).toEqual(['return']);
		expect(vocabulary.completions('track')).toEqual(['tracking']);
		expect(vocabulary.completions('deli', 1)).toEqual(['delivery']);
		expect(vocabulary.completions('refund')).toEqual([]);
		expect(vocabulary.completions('')).toEqual([]);
	});

	it('leaves out words a whole edit farther than the closest', () => {
		const words = Vocabulary.parse(serializeVocabulary(['livrons', 'livraison']));
		expect(words.corrections('livrason', { prefix: true })).toEqual(['livraison']);
		expect(words.corrections('pase')).toEqual([]);
		expect(vocabulary.corrections('pase')).toEqual(['passe', 'page']);
	});

	it('skips candidates the caller rules out', () => {
		expect(vocabulary.corrections('pase', { skip: (word) => word === 'passe' })).not.toContain('passe');
	});
});
