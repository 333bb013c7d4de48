import { type ApiConfig, readConfig } from '../config';
import { createConnectors } from '../connectors/create-connectors';
import { type ForwardRetryPolicy, forwardMessageSchema, forwardSubmission, releaseFromQueue, sendConfirmation } from '../services/outbox';
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

/** A confirmation later than this would only confuse the shopper: it is set aside instead. */
const confirmationHorizonMs = 24 * 3_600_000;

/**
 * Consumes the forwarding queue (and its dead-letter queue). Each message is one submission id; the shopper gets its
 * confirmation e-mail, if it has one, and the helpdesk gets it once, retried after the vendor's Retry-After or with backoff. When the queue gives up, the submission
 * goes back to the sweep until FORWARD_GIVE_UP_HOURS have passed. `clock` is for tests that play out days.
 */
export async function consumeForwardBatch(batch: MessageBatch<unknown>, env: Env, clock: () => number = Date.now): Promise<void> {
	const config = readConfig(env);
	const policy = forwardRetryPolicy(config);
	const isDeadLetterQueue = batch.queue.endsWith('-dlq');
	const { helpdesk, mailer } = createConnectors(env, config, env.DB);
	const confirmationPolicy = { ...policy, horizonMs: Math.min(policy.horizonMs, confirmationHorizonMs) };
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
			// The shopper's confirmation first, the helpdesk next: each is done once, and a failure of one never holds
			// up the other; the message comes back while either still has to be retried.
			const confirmed = await sendConfirmation(env.DB, dataKey, mailer, parsed.data.id, confirmationPolicy, clock());
			const outcome = await forwardSubmission(env.DB, dataKey, helpdesk, parsed.data.id, policy, clock());
			const delays = [confirmed, outcome].flatMap((result) => (result.kind === 'retry' ? [result.delaySeconds] : []));
			if (delays.length > 0) message.retry({ delaySeconds: Math.min(...delays) });
			else message.ack();
		} catch {
			// D1 or the runtime failed, not the helpdesk: the row is still pending, so a retry is safe.
			message.retry({ delaySeconds: backoffSeconds(message.attempts, config.FORWARD_RETRY_BASE_SECONDS) });
		}
	}
}
