import { readConfig } from '../config';
import { createConnectors } from '../connectors/create-connectors';
import { ConnectorError } from '../connectors/errors';
import { forwardMessageSchema, forwardSubmission, markDead } from '../services/outbox';
import { getDataKey } from '../services/signing-key';

/** Exponential backoff with jitter: base, 2×base, 4×base… capped at an hour. */
export function backoffSeconds(attempts: number, baseSeconds: number): number {
	const exponential = Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 3600);
	return Math.max(1, Math.round(exponential * (0.75 + Math.random() * 0.5)));
}

/**
 * Consumes the forwarding queue (and its dead-letter queue). Each message is one submission id; the helpdesk
 * gets it once, retried after the vendor's Retry-After or with backoff, and marked dead when the queue gives up.
 */
export async function consumeForwardBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
	const config = readConfig(env);
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
			await markDead(env.DB, parsed.data.id);
			message.ack();
			continue;
		}
		try {
			await forwardSubmission(env.DB, dataKey, helpdesk, parsed.data.id);
			message.ack();
		} catch (error) {
			const retryAfter = error instanceof ConnectorError ? error.retryAfterSeconds : undefined;
			message.retry({ delaySeconds: retryAfter ?? backoffSeconds(message.attempts, config.FORWARD_RETRY_BASE_SECONDS) });
		}
	}
}
