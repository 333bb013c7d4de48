import { type ApiConfig, readConfig } from '../config';
import { createConnectors } from '../connectors/create-connectors';
import { type ForwardRetryPolicy, forwardMessageSchema, forwardSubmission, releaseFromQueue } from '../services/outbox';
import { getDataKey } from '../services/signing-key';

/** Exponential backoff with jitter: base, 2×base, 4×base… capped at an hour. */
export function backoffSeconds(attempts: number, baseSeconds: number): number {
	const exponential = Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 3600);
	return Math.max(1, Math.round(exponential * (0.75 + Math.random() * 0.5)));
}

/**
 * The vendor's Retry-After when it sent one, else backoff on the submission's own attempt count (which, unlike a
 * queue message's, survives the sweep re-sending it); retried for FORWARD_GIVE_UP_HOURS.
 */
export function forwardRetryPolicy(config: ApiConfig): ForwardRetryPolicy {
	return {
		delaySeconds: (attempts, retryAfterSeconds) => retryAfterSeconds ?? backoffSeconds(attempts, config.FORWARD_RETRY_BASE_SECONDS),
		horizonMs: config.FORWARD_GIVE_UP_HOURS * 3_600_000,
	};
}

/**
 * Consumes the forwarding queue (and its dead-letter queue). Each message is one submission id; the helpdesk
 * gets it once, retried after the vendor's Retry-After or with backoff. When the queue gives up, the submission
 * goes back to the sweep until FORWARD_GIVE_UP_HOURS have passed. `clock` is for tests that play out days.
 */
export async function consumeForwardBatch(batch: MessageBatch<unknown>, env: Env, clock: () => number = Date.now): Promise<void> {
	const config = readConfig(env);
	const policy = forwardRetryPolicy(config);
	const isDeadLetterQueue = batch.queue.endsWith('-dlq');
	const { helpdesk } = createConnectors(env, config, env.DB);
	const dataKey = await getDataKey(config, env.DB);
	for (const message of batch.messages) {
		const parsed = forwardMessageSchema.safeParse(message.body);
		if (!parsed.success) {
			console.error('forward queue: dropped a malformed message');
			message.ack();
			continue;
		}
		if (isDeadLetterQueue) {
			await releaseFromQueue(env.DB, parsed.data.id, policy.horizonMs, clock());
			message.ack();
			continue;
		}
		try {
			const outcome = await forwardSubmission(env.DB, dataKey, helpdesk, parsed.data.id, policy, clock());
			if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
			else message.ack();
		} catch {
			// D1 or the runtime failed, not the helpdesk: the row is still pending, so a retry is safe.
			message.retry({ delaySeconds: backoffSeconds(message.attempts, config.FORWARD_RETRY_BASE_SECONDS) });
		}
	}
}
