import { readConfig } from '../config';
import { findStuckSubmissions, redactSentSubmissions } from '../services/outbox';
import { pruneRateCounters } from '../services/rate-limit';

/**
 * The scheduled sweep: re-sends submissions stuck in the outbox (an enqueue that failed, a consumer that
 * crashed), prunes expired rows (rate counters, idempotency keys, one-time codes) and redacts what shoppers
 * wrote from submissions the helpdesk has had for REDACT_AFTER_DAYS.
 */
export async function sweep(env: Env, now = Date.now()): Promise<{ resent: number }> {
	const config = readConfig(env);
	const stuck = await findStuckSubmissions(env.DB, config.SWEEP_AFTER_SECONDS, now);
	for (let start = 0; start < stuck.length; start += 100) {
		const ids = stuck.slice(start, start + 100);
		await env.FORWARD_QUEUE.sendBatch(ids.map((id) => ({ body: { id } })));
		await env.DB.batch(ids.map((id) => env.DB.prepare('UPDATE submissions SET updated_at = ?2 WHERE id = ?1').bind(id, now)));
	}
	await pruneRateCounters(env.DB, now);
	await redactSentSubmissions(env.DB, config.REDACT_AFTER_DAYS, now);
	await env.DB.batch([
		env.DB.prepare('DELETE FROM idempotency_keys WHERE created_at < ?1').bind(now - 2 * 86_400_000),
		env.DB.prepare('DELETE FROM verification_codes WHERE expires_at < ?1').bind(now - 86_400_000),
	]);
	return { resent: stuck.length };
}
