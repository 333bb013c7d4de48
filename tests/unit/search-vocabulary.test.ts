import { describe, expect, it } from 'vitest';
import { knownWordsNear } from '../../src/search/build/known-words';
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

describe('known words', () => {
	it('lists the real words one letter from an index word, in its place, that the index lacks', () => {
		const known = knownWordsNear(['more', 'stock', 'colour', 'refund'], 'en');
		expect(known).toEqual(expect.arrayContaining(['wore', 'mare', 'stuck', 'stick']));
		expect(known).not.toContain('more');
		expect(known).not.toContain('color');
		expect(knownWordsNear(['tient'], 'fr')).toContain('vient');
		expect(knownWordsNear(['more'], 'de')).toEqual([]);
	});

	it('keeps a real word as typed, and still corrects a slip or a spelling variant', () => {
		const words = ['more', 'stock', 'colour'];
		const withKnown = Vocabulary.parse(serializeVocabulary(words, knownWordsNear(words, 'en')));
		expect(withKnown.corrections('wore')).toEqual([]);
		expect(withKnown.corrections('stuck')).toEqual([]);
		expect(withKnown.corrections('mroe')).toEqual(['more']);
		expect(withKnown.corrections('stokc')).toEqual(['stock']);
		expect(withKnown.corrections('color')).toEqual(['colour']);
		// Without the list, as before: a real word is respelt into its neighbour.
		expect(Vocabulary.parse(serializeVocabulary(words)).corrections('wore')).toEqual(['more']);
		expect(withKnown.has('wore')).toBe(false);
	});
});
