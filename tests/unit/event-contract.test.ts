import { describe, expect, it } from 'vitest';
import { eventSchema, feedbackCommentMaxLength, maxEventBytes } from '../../functions/contract/events';

const valid = { kind: 'click', query: 'refund', results: 18, rank: 2, locale: 'en' } as const;

describe('search events', () => {
	it('accepts searches, clicks and deflections well under the size limit', () => {
		expect(eventSchema.parse(valid)).toEqual(valid);
		expect(eventSchema.safeParse({ kind: 'search', query: 'où est ma commande', results: 0, locale: 'fr' }).success).toBe(true);
		expect(eventSchema.safeParse({ ...valid, kind: 'deflection' }).success).toBe(true);
		const longest = { kind: 'deflection', query: 'é'.repeat(100), results: 100_000, rank: 100, locale: 'pt-BR' };
		expect(eventSchema.safeParse(longest).success).toBe(true);
		expect(new TextEncoder().encode(JSON.stringify(longest)).length).toBeLessThan(maxEventBytes);
	});

	it('refuses personal data and queries that were not normalised', () => {
		for (const query of ['jane@example.com', 'order 12345678', 'Refund', '  refund', 'x'.repeat(101), '']) {
			expect(eventSchema.safeParse({ ...valid, query }).success, query).toBe(false);
		}
	});

	it('refuses unknown fields, wrong kinds and ranks that do not fit the kind', () => {
		expect(eventSchema.safeParse({ ...valid, email: 'a@b.c' }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, userId: 'abc' }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, kind: 'view' }).success).toBe(false);
		expect(eventSchema.safeParse({ kind: 'search', query: 'refund', results: 3, rank: 1, locale: 'en' }).success).toBe(false);
		expect(eventSchema.safeParse({ kind: 'click', query: 'refund', results: 3, locale: 'en' }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, rank: 0 }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, results: -1 }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, results: 1.5 }).success).toBe(false);
		expect(eventSchema.safeParse({ ...valid, locale: 'english' }).success).toBe(false);
	});
});

describe('article votes and the reasons given after a "no"', () => {
	const vote = { kind: 'vote', article: '/fr/returns-refunds/delai-de-remboursement', helpful: true, locale: 'fr' } as const;
	const reason = { kind: 'vote_reason', article: '/en/shipping/customs', reason: 'outdated', comment: 'The duty threshold changed.', locale: 'en' } as const;

	it('accepts a vote for an article page and a reason with a comment, under the size limit at the longest', () => {
		expect(eventSchema.parse(vote)).toEqual(vote);
		expect(eventSchema.parse(reason)).toEqual(reason);
		expect(eventSchema.safeParse({ ...reason, comment: undefined }).success).toBe(true);
		const longest = { ...reason, comment: '€'.repeat(feedbackCommentMaxLength) };
		expect(eventSchema.safeParse(longest).success).toBe(true);
		expect(new TextEncoder().encode(JSON.stringify(longest)).length).toBeLessThan(maxEventBytes);
	});

	it('keeps no e-mail address or long number of a comment', () => {
		const parsed = eventSchema.parse({ ...reason, comment: 'Write to jane.doe@example.com or call 06 12 34 56 78 about order 100234' });
		expect(parsed).toMatchObject({ comment: 'Write to @ or call # about order #' });
	});

	it('refuses markup, invisible characters, unknown reasons and anything that is not an article page', () => {
		for (const comment of ['<script>alert(1)</script>', 'see <a href=x>this</a>', 'a\u202Eb', 'zero\u200Bwidth', '', 'x'.repeat(feedbackCommentMaxLength + 1)]) {
			expect(eventSchema.safeParse({ ...reason, comment: JSON.parse(`"${comment}"`) }).success, comment).toBe(false);
		}
		expect(eventSchema.safeParse({ ...reason, reason: 'boring' }).success).toBe(false);
		for (const article of ['/en/shipping', 'https://evil.example/en/a/b', '/en/a/b?x=1', '/en/a/b/c', '/en/<b>/x']) {
			expect(eventSchema.safeParse({ ...vote, article }).success, article).toBe(false);
		}
		expect(eventSchema.safeParse({ ...vote, helpful: 'yes' }).success).toBe(false);
		expect(eventSchema.safeParse({ ...vote, comment: 'hello' }).success).toBe(false);
		expect(eventSchema.safeParse({ kind: 'search', query: '<img src=x>', results: 0, locale: 'en' }).success).toBe(false);
	});
});
