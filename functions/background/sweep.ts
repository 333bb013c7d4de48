import { site } from '../../src/config/site';
import { readConfig } from '../config';
import { compactEvents } from '../services/events';
import { pruneIdempotencyKeys } from '../services/idempotency';
import { outboxNeedsAttention, redactSentSubmissions, requeueStuckSubmissions, summarizeOutbox } from '../services/outbox';
import { pruneRateCounters } from '../services/rate-limit';
import { pruneVerificationCodes } from '../services/verification-codes';

/**
 * The scheduled sweep: re-sends submissions stuck in the outbox (an enqueue that failed, a consumer that
 * crashed, a queue that gave up, `npm run outbox -- retry`), reminds the log once an hour of submissions set
 * aside, prunes expired rows (rate counters, idempotency keys, one-time codes) and redacts what shoppers wrote
 * from submissions the helpdesk has had for REDACT_AFTER_DAYS, and keeps events past `insights.keepEventsDays`
 * (content/site.yaml) as daily counts.
 */
export async function sweep(env: Env, now = Date.now()): Promise<{ resent: number }> {
	const config = readConfig(env);
	const resent = await requeueStuckSubmissions(env.DB, env.FORWARD_QUEUE, config.SWEEP_AFTER_SECONDS, now);
	await remindOfSetAside(env.DB, now);
	await pruneRateCounters(env.DB, now);
	await redactSentSubmissions(env.DB, config.REDACT_AFTER_DAYS, now);
	await pruneIdempotencyKeys(env.DB, now);
	await pruneVerificationCodes(env.DB, now);
	await compactEvents(env.DB, site.insights.keepEventsDays, now);
	return { resent };
}

/** The sweep runs every five minutes; its first run of each hour repeats what waits for a person. */
async function remindOfSetAside(db: D1Database, now: number): Promise<void> {
	if (new Date(now).getUTCMinutes() >= 5) return;
	const outbox = await summarizeOutbox(db, now);
	if (!outboxNeedsAttention(outbox)) return;
	// Counts only; `npm run outbox` lists the references and causes.
	console.error(
		`outbox: ${outbox.failed} failed, ${outbox.dead} dead, ${outbox.pending} pending (oldest ${outbox.oldestPendingSeconds ?? 0} s); see \`npm run outbox\``,
	);
}
