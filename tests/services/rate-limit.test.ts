import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { enforceRateLimits, pruneRateCounters } from '../../functions/services/rate-limit';
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
