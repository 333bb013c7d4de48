import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../functions/errors';
import { enforceRateLimits, pruneRateCounters, withFailureBudget } from '../../functions/services/rate-limit';
import { thrown } from './support';

const bucket = () => `test:${crypto.randomUUID()}`;
/** 10:00:30 UTC on a day far from any other test's windows. */
const now = Date.UTC(2030, 0, 1, 10, 0, 30);

describe('enforceRateLimits', () => {
	it('lets requests through up to the limit, then refuses with 429, Retry-After until the window ends, and no personal data', async () => {
		const rule = { bucket: bucket(), limit: 3, windowSeconds: 60 };
		for (let index = 0; index < 3; index++) await enforceRateLimits(env.DB, [rule], 1, now);
		const refused = await thrown(() => enforceRateLimits(env.DB, [rule], 1, now));
		expect(refused).toMatchObject({ status: 429, code: 'rate_limited', headers: { 'Retry-After': '30' }, extra: { details: { retryAfterSeconds: 30 } } });
		// The next window starts from zero.
		await expect(enforceRateLimits(env.DB, [rule], 1, now + 30_000)).resolves.toBeUndefined();
	});

	it('counts every rule, answers the longest wait, and scales limits', async () => {
		const perMinute = { bucket: bucket(), limit: 5, windowSeconds: 60 };
		const perHour = { bucket: bucket(), limit: 1, windowSeconds: 3600 };
		await enforceRateLimits(env.DB, [perMinute, perHour], 1, now);
		expect(await thrown(() => enforceRateLimits(env.DB, [perMinute, perHour], 1, now))).toMatchObject({ headers: { 'Retry-After': String(3600 - 30) } });
		const counts = await env.DB.prepare('SELECT bucket, count FROM rate_counters WHERE bucket IN (?1, ?2)').bind(perMinute.bucket, perHour.bucket).all();
		expect(counts.results).toEqual(expect.arrayContaining([{ bucket: perMinute.bucket, count: 2 }, { bucket: perHour.bucket, count: 2 }]));
		// A load test's scale lets the same rule through many more times.
		await expect(enforceRateLimits(env.DB, [perHour], 1000, now)).resolves.toBeUndefined();
	});
});

/** A guess that is right (answers 'found'), wrong (throws a WrongGuess), or tells nothing (throws another error). */
class WrongGuess extends Error {}
const isWrong = (error: unknown) => error instanceof WrongGuess;
const guess = (outcome: 'right' | 'wrong' | 'down') => async () => {
	if (outcome === 'wrong') throw new WrongGuess();
	if (outcome === 'down') throw new TypeError('shop down');
	return 'found';
};
const countOf = async (rule: { bucket: string }) =>
	(await env.DB.prepare('SELECT SUM(count) AS count FROM rate_counters WHERE bucket = ?1').bind(rule.bucket).first<{ count: number | null }>())?.count ?? 0;

describe('withFailureBudget', () => {
	it('counts wrong guesses only, refuses once they are used up (even the right guess), and counts nothing it refused', async () => {
		const rule = { bucket: bucket(), limit: 3, windowSeconds: 3600 };
		for (let index = 0; index < 4; index++) await expect(withFailureBudget(env.DB, [rule], guess('right'), isWrong, 1, now)).resolves.toBe('found');
		await expect(withFailureBudget(env.DB, [rule], guess('down'), isWrong, 1, now)).rejects.toThrow(TypeError);
		expect(await countOf(rule)).toBe(0);
		for (let index = 0; index < 3; index++) await expect(withFailureBudget(env.DB, [rule], guess('wrong'), isWrong, 1, now)).rejects.toThrow(WrongGuess);
		const refused = await thrown(() => withFailureBudget(env.DB, [rule], guess('right'), isWrong, 1, now));
		expect(refused).toMatchObject({ status: 429, code: 'rate_limited', headers: { 'Retry-After': String(3600 - 30) } });
		expect(await countOf(rule)).toBe(3);
		// The next window starts from zero.
		await expect(withFailureBudget(env.DB, [rule], guess('right'), isWrong, 1, now + 3_600_000)).resolves.toBe('found');
	});

	it('lets parallel guesses through only up to the limit', async () => {
		const rule = { bucket: bucket(), limit: 5, windowSeconds: 3600 };
		const answers = await Promise.allSettled(Array.from({ length: 12 }, () => withFailureBudget(env.DB, [rule], guess('wrong'), isWrong, 1, now)));
		const reasons = answers.map((answer) => (answer.status === 'rejected' ? answer.reason : undefined));
		expect(reasons.filter((reason) => reason instanceof WrongGuess)).toHaveLength(5);
		expect(reasons.filter((reason) => reason instanceof ApiError && reason.code === 'rate_limited')).toHaveLength(7);
		expect(await countOf(rule)).toBe(5);
	});

	it('refuses when any rule is used up, charging none of them', async () => {
		const mine = { bucket: bucket(), limit: 1, windowSeconds: 3600 };
		const everyone = { bucket: bucket(), limit: 10, windowSeconds: 3600 };
		await expect(withFailureBudget(env.DB, [mine, everyone], guess('wrong'), isWrong, 1, now)).rejects.toThrow(WrongGuess);
		expect(await thrown(() => withFailureBudget(env.DB, [mine, everyone], guess('wrong'), isWrong, 1, now))).toMatchObject({ status: 429 });
		expect([await countOf(mine), await countOf(everyone)]).toEqual([1, 1]);
	});
});

describe('pruneRateCounters', () => {
	it('deletes counters of windows older than two days, and keeps recent ones', async () => {
		const old = { bucket: bucket(), limit: 10, windowSeconds: 60 };
		const recent = { bucket: bucket(), limit: 10, windowSeconds: 60 };
		await enforceRateLimits(env.DB, [old], 1, now - 3 * 86_400_000);
		await enforceRateLimits(env.DB, [recent], 1, now - 2 * 86_400_000 + 3_600_000);
		await pruneRateCounters(env.DB, now);
		const { results } = await env.DB.prepare('SELECT bucket FROM rate_counters WHERE bucket IN (?1, ?2)').bind(old.bucket, recent.bucket).all();
		expect(results).toEqual([{ bucket: recent.bucket }]);
	});
});
