import { site } from '../../src/config/site';
import { readConfig } from '../config';
import { compactEvents } from '../services/events';
import { pruneIdempotencyKeys } from '../services/idempotency';
import { redactSentSubmissions, requeueStuckSubmissions } from '../services/outbox';
import { pruneRateCounters } from '../services/rate-limit';
import { pruneVerificationCodes } from '../services/verification-codes';

/**
 * The scheduled sweep: re-sends submissions stuck in the outbox (an enqueue that failed, a consumer that
 * crashed), prunes expired rows (rate counters, idempotency keys, one-time codes) and redacts what shoppers
 * wrote from submissions the helpdesk has had for REDACT_AFTER_DAYS, and keeps events past `insights.keepEventsDays`
 * (content/site.yaml) as daily counts.
 */
export async function sweep(env: Env, now = Date.now()): Promise<{ resent: number }> {
	const config = readConfig(env);
	const resent = await requeueStuckSubmissions(env.DB, env.FORWARD_QUEUE, config.SWEEP_AFTER_SECONDS, now);
	await pruneRateCounters(env.DB, now);
	await redactSentSubmissions(env.DB, config.REDACT_AFTER_DAYS, now);
	await pruneIdempotencyKeys(env.DB, now);
	await pruneVerificationCodes(env.DB, now);
	await compactEvents(env.DB, site.insights.keepEventsDays, now);
	return { resent };
}
