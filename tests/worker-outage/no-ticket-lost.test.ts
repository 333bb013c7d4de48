import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { consumeForwardBatch } from '../../functions/background/forward-consumer';

declare global {
	namespace Cloudflare {
		interface Env {
			GORGIAS_BASE_URL: string;
		}
	}
}

const fake = (path: string, init?: RequestInit) => fetch(`${env.GORGIAS_BASE_URL}/__fake/${path}`, init);

async function submitTicket(index: number): Promise<string> {
	const response = await exports.default.fetch(
		new Request('https://help.alderandpine.example/api/tickets', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `outage-ticket-${index}` },
			body: JSON.stringify({ name: `Shopper ${index}`, email: `shopper${index}@example.com`, subject: `Question ${index}`, message: `Message number ${index}.` }),
		}),
	);
	expect(response.status).toBe(202);
	return ((await response.json()) as { reference: string }).reference;
}

describe('no ticket lost', () => {
	it('delivers 1,000 tickets exactly once through 500s, 429s with Retry-After and timeouts', async () => {
		const faults = { fail500: 250, rateLimit: 150, retryAfterSeconds: 1, timeouts: 25, timeoutMs: 1000, timeoutCreates: true };
		expect((await fake('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) })).ok).toBe(true);

		const references: string[] = [];
		for (let start = 0; start < 1000; start += 50) {
			references.push(...(await Promise.all(Array.from({ length: 50 }, (_, offset) => submitTicket(start + offset)))));
		}
		expect(new Set(references).size).toBe(1000);
		// Every ticket is durable before its 202, whatever the helpdesk is doing.
		const stored = await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions').first<{ count: number }>();
		expect(stored?.count).toBe(1000);

		const deadline = Date.now() + 240_000;
		let sent = 0;
		while (Date.now() < deadline) {
			sent = (await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE status = 'sent'`).first<{ count: number }>())?.count ?? 0;
			if (sent === 1000) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(sent).toBe(1000);

		const pending = (await (await fake('faults')).json()) as Record<string, number>;
		expect(pending).toEqual({ fail500: 0, rateLimit: 0, throttled: 0, timeouts: 0 });
		const { tickets } = (await (await fake('tickets')).json()) as { tickets: { body: { external_id: string } }[] };
		const externalIds = tickets.map((ticket) => ticket.body.external_id);
		expect(externalIds).toHaveLength(1000);
		expect(new Set(externalIds)).toEqual(new Set(references));
		expect(((await (await fake('violations')).json()) as { violations: string[] }).violations).toEqual([]);
		const failed = await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE status IN ('failed', 'dead')`).first<{ count: number }>();
		expect(failed?.count).toBe(0);
	});
});

describe('the forwarding consumer', () => {
	/** Delivers one message as the platform would, recording what the consumer decided (the harness's own batch drops retry delays). */
	async function deliver(queue: string, id: string, attempts = 1, now = Date.now()) {
		const outcome: { acked: boolean; retryDelay: number | undefined; retried: boolean } = { acked: false, retryDelay: undefined, retried: false };
		const message = {
			id: `message-${id}`,
			timestamp: new Date(),
			body: { id },
			attempts,
			ack: () => void (outcome.acked = true),
			retry: (options?: { delaySeconds?: number }) => {
				outcome.retried = true;
				outcome.retryDelay = options?.delaySeconds;
			},
		};
		const batch = { queue, messages: [message], ackAll: () => message.ack(), retryAll: () => message.retry() } as unknown as MessageBatch<unknown>;
		await consumeForwardBatch(batch, env, () => now);
		return outcome;
	}

	async function pendingSubmission(index: number): Promise<string> {
		const reference = await submitTicket(index);
		await new Promise((resolve) => setTimeout(resolve, 1500)); // let the real queue deliver it once
		await env.DB.prepare(`UPDATE submissions SET status = 'pending' WHERE id = ?1`).bind(reference).run();
		return reference;
	}

	it('waits as long as the helpdesk’s Retry-After asks, and backs off exponentially on 500s', async () => {
		const reference = await pendingSubmission(5000);
		await fake('reset', { method: 'POST' });
		await fake('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ rateLimit: 1, retryAfterSeconds: 7 }) });
		expect(await deliver('help-center-forward', reference)).toEqual({ acked: false, retried: true, retryDelay: 7 });
		await fake('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fail500: 1 }) });
		// The backoff counts the submission's own attempts, whatever the queue message's count.
		await env.DB.prepare('UPDATE submissions SET attempts = 3 WHERE id = ?1').bind(reference).run();
		const failing = await deliver('help-center-forward', reference, 1);
		// Base 1 s doubled three times, ±25 % jitter.
		expect(failing.retryDelay).toBeGreaterThanOrEqual(6);
		expect(failing.retryDelay).toBeLessThanOrEqual(10);
		expect(await deliver('help-center-forward', reference)).toEqual({ acked: true, retried: false, retryDelay: undefined });
		expect(await env.DB.prepare('SELECT status FROM submissions WHERE id = ?1').bind(reference).first()).toEqual({ status: 'sent' });
	});

	it('hands a submission the dead-letter queue gets back to the sweep, and marks it dead only after FORWARD_GIVE_UP_HOURS', async () => {
		const reference = await pendingSubmission(5001);
		expect((await deliver('help-center-forward-dlq', reference, 21)).acked).toBe(true);
		expect(await env.DB.prepare('SELECT status FROM submissions WHERE id = ?1').bind(reference).first()).toEqual({ status: 'pending' });
		expect((await deliver('help-center-forward-dlq', reference, 21, Date.now() + 96 * 3_600_000)).acked).toBe(true);
		expect(await env.DB.prepare('SELECT status FROM submissions WHERE id = ?1').bind(reference).first()).toEqual({ status: 'dead' });
	});
});
