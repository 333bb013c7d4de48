import { seededRandom } from '../seeded-random.ts';
/** z for a two-sided 95 % interval. */
const z95 = 1.959964;

/**
 * The Wilson score interval of a proportion (`successes` out of `trials`), 95 % by default: unlike the plain
 * p ± z·√(p(1-p)/n) it stays within 0 and 1 and holds up for small samples and shares near 0 or 1. Undefined
 * with no trials.
 */
export function wilson(successes: number, trials: number, z = z95): { low: number; high: number } | undefined {
	if (trials <= 0) return undefined;
	const p = successes / trials;
	const z2 = z * z;
	const centre = p + z2 / (2 * trials);
	const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
	const denominator = 1 + z2 / trials;
	// At 0 or all successes the bound is exactly 0 or 1; rounding would leave 0.9999999999999999.
	return { low: successes <= 0 ? 0 : Math.max(0, (centre - spread) / denominator), high: successes >= trials ? 1 : Math.min(1, (centre + spread) / denominator) };
}


/** `count` items drawn without replacement, in the order drawn (a partial Fisher–Yates shuffle). */
export function seededSample<T>(items: readonly T[], count: number, seed: number): T[] {
	const random = seededRandom(seed);
	const pool = [...items];
	const drawn: T[] = [];
	for (let index = 0; index < Math.min(count, pool.length); index++) {
		const pick = index + Math.floor(random() * (pool.length - index));
		[pool[index], pool[pick]] = [pool[pick] as T, pool[index] as T];
		drawn.push(pool[index] as T);
	}
	return drawn;
}

/** A share as "12.3 %". */
export const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

/** "40 / 200 = 20.0 % (95 %: 14.9–26.2 %)", or "0 / 0" with no trials. */
export function shareWithInterval(successes: number, trials: number): string {
	const interval = wilson(successes, trials);
	if (!interval) return `${successes} / ${trials}`;
	return `${successes} / ${trials} = ${percent(successes / trials)} (95 %: ${(100 * interval.low).toFixed(1)}–${percent(interval.high)})`;
}
