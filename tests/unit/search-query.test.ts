import { describe, expect, it } from 'vitest';
import { anonymizeQuery } from '../../functions/contract/privacy';
import { maxQueryLength, normalizeQuery } from '../../functions/contract/query-text';
import { contentWords, tokenize } from '../../src/search/query/words';

describe('normalizeQuery', () => {
	it('lowercases, trims and collapses spaces', () => {
		expect(normalizeQuery('  Where   IS my\tParcel ')).toBe('where is my parcel');
	});

	it('removes invisible and direction-override characters but keeps right-to-left letters and emoji', () => {
		expect(normalizeQuery('re\u200Bfund\u202E')).toBe('refund');
		expect(normalizeQuery('\u202Bاسترداد\u202C')).toBe('استرداد');
		expect(normalizeQuery('📦 late')).toBe('📦 late');
	});

	it('caps the length at a word boundary', () => {
		const long = 'refund '.repeat(200);
		const normalized = normalizeQuery(long);
		expect(normalized.length).toBeLessThanOrEqual(maxQueryLength);
		expect(normalized.endsWith('refund')).toBe(true);
		expect(normalizeQuery('x'.repeat(1_000))).toHaveLength(maxQueryLength);
	});

	it('is idempotent', () => {
		for (const query of ['  Délai   de LIVRAISON ', 'a\u0301bc', 'ﬁne print']) expect(normalizeQuery(normalizeQuery(query))).toBe(normalizeQuery(query));
	});
});

describe('tokenize and contentWords', () => {
	it('keeps hyphenated words whole and drops French elided articles', () => {
		expect(tokenize("L'adresse e-mail d’expédition")).toEqual(['adresse', 'e-mail', 'expédition']);
	});

	it('drops stop words, keeping English question words', () => {
		expect(contentWords('where is my parcel', 'en')).toEqual(['where', 'parcel']);
		expect(contentWords('où est mon colis', 'fr')).toEqual(['colis']);
	});

	it('keeps the words of a query made only of stop words', () => {
		expect(contentWords('is it', 'en')).toEqual(['is', 'it']);
	});

	it('ignores markup and symbols as words', () => {
		expect(contentWords('<script>alert(1)</script>', 'en')).toEqual(['script', 'alert', '1', 'script']);
	});
});

describe('anonymizeQuery', () => {
	it('replaces e-mail addresses and long numbers, keeps the rest', () => {
		expect(anonymizeQuery('Refund for jane.doe@example.com order AP-1234567')).toBe('refund for @ order ap-#');
		expect(anonymizeQuery('call me on 06 12 34 56 78')).toBe('call me on #');
		expect(anonymizeQuery('return within 30 days')).toBe('return within 30 days');
	});
});
