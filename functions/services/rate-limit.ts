import { ApiError } from '../errors';

export interface RateLimitRule {
	/** What is counted, for example `lookup:ip:203.0.113.9` (never a raw e-mail address). */
	bucket: string;
	limit: number;
	windowSeconds: number;
}

const windowStart = (rule: RateLimitRule, now: number) => Math.floor(now / 1000 / rule.windowSeconds) * rule.windowSeconds;

// Adds `step` (1 or -1) to the current window of every rule at once; answers the counts after the change.
async function addToCounters(db: D1Database, rules: RateLimitRule[], step: 1 | -1, now: number): Promise<number[]> {
	if (rules.length === 0) return [];
	const statements = rules.map((rule) =>
		db
			.prepare(
				`INSERT INTO rate_counters (bucket, window_start, count) VALUES (?1, ?2, max(?3, 0))
				 ON CONFLICT (bucket, window_start) DO UPDATE SET count = max(count + ?3, 0) RETURNING count`,
			)
			.bind(rule.bucket, windowStart(rule, now), step),
	);
	const results = await db.batch<{ count: number }>(statements);
	return results.map((result) => result.results[0]?.count ?? 0);
}

// The 429 for counts over their limits, with the longest wait until a window ends; undefined when all are within.
function overLimit(rules: RateLimitRule[], counts: number[], scale: number, now: number): ApiError | undefined {
	let retryAfter = 0;
	rules.forEach((rule, index) => {
		if ((counts[index] ?? 0) > rule.limit * scale) {
			const windowEnd = windowStart(rule, now) + rule.windowSeconds;
			retryAfter = Math.max(retryAfter, Math.ceil(windowEnd - now / 1000));
		}
	});
	if (retryAfter === 0) return undefined;
	return new ApiError(429, 'rate_limited', 'Too many attempts. Please wait before trying again.', { details: { retryAfterSeconds: retryAfter } }, {
		'Retry-After': String(retryAfter),
	});
}

/**
 * Counts one request against every rule and throws `rate_limited` (429, with Retry-After) when any is over its
 * limit. Counters live in D1, whose single primary makes them exact; the Workers rate-limit binding is only
 * approximate per location and cannot back a lockout.
 */
export async function enforceRateLimits(db: D1Database, rules: RateLimitRule[], scale = 1, now = Date.now()): Promise<void> {
	const refusal = overLimit(rules, await addToCounters(db, rules, 1, now), scale, now);
	if (refusal) throw refusal;
}

/**
 * Runs `attempt` against budgets of failures rather than of requests: it is refused (429) while any rule has
 * used up its failures, and charged only when it throws an error `isFailure` accepts (a wrong guess). The failure
 * is reserved before the attempt and given back after a success or another error, so parallel guesses cannot
 * overshoot a limit, and an answer that tells nothing (refused, or the shop down) costs nothing.
 */
export async function withFailureBudget<T>(
	db: D1Database,
	rules: RateLimitRule[],
	attempt: () => Promise<T>,
	isFailure: (error: unknown) => boolean,
	scale = 1,
	now = Date.now(),
): Promise<T> {
	const refusal = overLimit(rules, await addToCounters(db, rules, 1, now), scale, now);
	if (refusal) {
		await giveBack(db, rules, now);
		throw refusal;
	}
	let result: T;
	try {
		result = await attempt();
	} catch (error) {
		if (!isFailure(error)) await giveBack(db, rules, now);
		throw error;
	}
	await giveBack(db, rules, now);
	return result;
}

// Gives a reserved failure back. If that fails, one failure too many stays counted: the safe way round, so the
// answer stands.
async function giveBack(db: D1Database, rules: RateLimitRule[], now: number): Promise<void> {
	try {
		await addToCounters(db, rules, -1, now);
	} catch (error) {
		console.error(`rate limit: a reserved failure was not given back (${error instanceof Error ? error.name : 'error'})`);
	}
}

/** Deletes counters of windows that ended, so the table stays small (run by the scheduled sweep). */
export async function pruneRateCounters(db: D1Database, now = Date.now()): Promise<void> {
	await db.prepare('DELETE FROM rate_counters WHERE window_start < ?1').bind(Math.floor(now / 1000) - 2 * 86_400).run();
}
