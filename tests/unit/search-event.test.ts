import { describe, expect, it } from 'vitest';
import { maxSearchEventBytes, searchEventSchema } from '../../functions/contract/events';

const valid = { kind: 'click', query: 'refund', results: 18, rank: 2, locale: 'en' } as const;

describe('searchEventSchema', () => {
	it('accepts searches, clicks and deflections well under the size limit', () => {
		expect(searchEventSchema.parse(valid)).toEqual(valid);
		expect(searchEventSchema.safeParse({ kind: 'search', query: 'où est ma commande', results: 0, locale: 'fr' }).success).toBe(true);
		expect(searchEventSchema.safeParse({ ...valid, kind: 'deflection' }).success).toBe(true);
		const longest = { kind: 'deflection', query: 'é'.repeat(100), results: 100_000, rank: 100, locale: 'pt-BR' };
		expect(searchEventSchema.safeParse(longest).success).toBe(true);
		expect(new TextEncoder().encode(JSON.stringify(longest)).length).toBeLessThan(maxSearchEventBytes);
	});

	it('refuses personal data and queries that were not normalised', () => {
		for (const query of ['jane@example.com', 'order 12345678', 'Refund', '  refund', 'x'.repeat(101), '']) {
			expect(searchEventSchema.safeParse({ ...valid, query }).success, query).toBe(false);
		}
	});

	it('refuses unknown fields, wrong kinds and ranks that do not fit the kind', () => {
		expect(searchEventSchema.safeParse({ ...valid, email: 'a@b.c' }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, userId: 'abc' }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, kind: 'view' }).success).toBe(false);
		expect(searchEventSchema.safeParse({ kind: 'search', query: 'refund', results: 3, rank: 1, locale: 'en' }).success).toBe(false);
		expect(searchEventSchema.safeParse({ kind: 'click', query: 'refund', results: 3, locale: 'en' }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, rank: 0 }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, results: -1 }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, results: 1.5 }).success).toBe(false);
		expect(searchEventSchema.safeParse({ ...valid, locale: 'english' }).success).toBe(false);
	});
});
