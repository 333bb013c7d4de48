import { ApiError } from '../errors';

export interface RateLimitRule {
	/** What is counted, for example `lookup:ip:203.0.113.9` (never a raw e-mail address). */
	bucket: string;
	limit: number;
	windowSeconds: number;
}

/**
 * Counts one request against every rule and throws `rate_limited` (429, with Retry-After) when any is over its
 * limit. Counters live in D1, whose single primary makes them exact; the Workers rate-limit binding is only
 * approximate per location and cannot back a lockout.
 */
export async function enforceRateLimits(db: D1Database, rules: RateLimitRule[], scale = 1, now = Date.now()): Promise<void> {
	const statements = rules.map((rule) => {
		const windowStart = Math.floor(now / 1000 / rule.windowSeconds) * rule.windowSeconds;
		return db
			.prepare(
				`INSERT INTO rate_counters (bucket, window_start, count) VALUES (?1, ?2, 1)
				 ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
			)
			.bind(rule.bucket, windowStart);
	});
	const results = await db.batch<{ count: number }>(statements);
	let retryAfter = 0;
	results.forEach((result, index) => {
		const rule = rules[index];
		const count = result.results[0]?.count ?? 0;
		if (rule && count > rule.limit * scale) {
			const windowEnd = (Math.floor(now / 1000 / rule.windowSeconds) + 1) * rule.windowSeconds;
			retryAfter = Math.max(retryAfter, Math.ceil(windowEnd - now / 1000));
		}
	});
	if (retryAfter > 0) {
		throw new ApiError(429, 'rate_limited', 'Too many attempts. Please wait before trying again.', { details: { retryAfterSeconds: retryAfter } }, {
			'Retry-After': String(retryAfter),
		});
	}
}

/** Deletes counters of windows that ended, so the table stays small (run by the scheduled sweep). */
export async function pruneRateCounters(db: D1Database, now = Date.now()): Promise<void> {
	await db.prepare('DELETE FROM rate_counters WHERE window_start < ?1').bind(Math.floor(now / 1000) - 2 * 86_400).run();
}
