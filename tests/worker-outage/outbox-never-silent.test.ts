import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { consumeForwardBatch } from '../../functions/background/forward-consumer';
import { sweep } from '../../functions/background/sweep';
import { formatStatus, listSql, outboxEntrySchema, retrySql } from '../../scripts/lib/outbox-report';
import { recordingQueue } from '../services/support';

declare global {
	namespace Cloudflare {
		interface Env {
			GORGIAS_BASE_URL: string;
			GORGIAS_API_KEY: string;
		}
	}
}

const hour = 3_600_000;
const origin = 'https://help.alderandpine.example';

const fake = (path: string, body?: unknown) =>
	fetch(`${env.GORGIAS_BASE_URL}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function submitTicket(index: number): Promise<string> {
	const response = await exports.default.fetch(
		new Request(`${origin}/api/tickets`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `silent-ticket-${index}` },
			body: JSON.stringify({ name: `Shopper ${index}`, email: `shopper${index}@example.com`, subject: `Question ${index}`, message: `Message number ${index}.` }),
		}),
	);
	expect(response.status).toBe(202);
	return ((await response.json()) as { reference: string }).reference;
}

async function submission(id: string) {
	return env.DB.prepare('SELECT status, attempts, last_error FROM submissions WHERE id = ?1').bind(id).first<{ status: string; attempts: number; last_error: string | null }>();
}

/** Waits (in real time) until every submission named is in `status`. */
async function until(ids: string[], status: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const states = await Promise.all(ids.map(async (id) => (await submission(id))?.status));
		if (states.every((state) => state === status)) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`not all ${status} in time`);
}

async function health() {
	return (await exports.default.fetch(new Request(`${origin}/api/health`))).json() as Promise<{ status: string; outbox: Record<string, number | null> }>;
}

/** The external ids of the tickets Gorgias holds. */
async function ticketsInGorgias(): Promise<string[]> {
	const { tickets } = (await (await fake('tickets')).json()) as { tickets: { body: { external_id: string } }[] };
	return tickets.map((ticket) => ticket.body.external_id);
}

const logged = (spy: MockInstance) => spy.mock.calls.map((args) => args.map(String).join(' '));

let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
beforeEach(async () => {
	await fake('reset', {});
	errors = vi.spyOn(console, 'error').mockImplementation(() => {});
	warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
	// Whatever went wrong, the logs never name the shopper nor repeat what they wrote.
	for (const line of [...logged(errors), ...logged(warnings)]) expect(line).not.toMatch(/shopper\d+@example\.com|Shopper \d|Message number/);
	errors.mockRestore();
	warnings.mockRestore();
	await fake('reset', {});
});

describe('a wrong helpdesk key', () => {
	it('sets tickets aside as failed, logged with their cause and shown by health and the outbox command; after the fix, retry and the sweep deliver each once', async () => {
		await fake('api-key', { apiKey: 'revoked-in-gorgias' });
		const references = await Promise.all([1, 2, 3].map(submitTicket));
		await until(references, 'failed');

		for (const reference of references) {
			// Tried once: a refusal is not retried in a loop.
			expect(await submission(reference)).toEqual({ status: 'failed', attempts: 1, last_error: 'Gorgias: refused, HTTP 401' });
			expect(logged(errors)).toContain(`outbox: ${reference} (contact) failed: Gorgias: refused, HTTP 401; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`);
		}
		const shown = await health();
		expect(shown).toEqual({ status: 'degraded', outbox: { pending: 0, failed: 3, dead: 0, oldestPendingSeconds: null, oldestFailedSeconds: expect.any(Number) } });
		expect(JSON.stringify(shown)).not.toContain('HC-');

		const { results } = await env.DB.prepare(listSql(50)).all();
		const report = formatStatus('local D1', { pending: 0, failed: 3, dead: 0 }, results.map((row) => outboxEntrySchema.parse(row)), Date.now()).join('\n');
		for (const reference of references) expect(report).toMatch(new RegExp(`${reference}\\s+contact\\s+failed\\s+1\\s+.*Gorgias: refused, HTTP 401`));
		expect(report).toContain('the helpdesk refused our credentials');

		// The sweep leaves set-aside tickets alone: nothing reaches Gorgias until someone acts.
		const requests = async () => ((await (await fake('requests')).json()) as { requests: unknown[] }).requests.length;
		const before = await requests();
		expect((await sweep(env, Date.now() + 6 * hour)).resent).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await requests()).toBe(before);

		await fake('api-key', { apiKey: env.GORGIAS_API_KEY });
		const { results: requeued } = await env.DB.prepare(retrySql([], Date.now())).all();
		expect(requeued.map((row) => row['id']).sort()).toEqual([...references].sort());
		expect((await sweep(env)).resent).toBe(3);
		await until(references, 'sent');

		expect((await ticketsInGorgias()).sort()).toEqual([...references].sort());
		expect((await health()).status).toBe('ok');
		const { violations } = (await (await fake('violations')).json()) as { violations: string[] };
		expect(new Set(violations)).toEqual(new Set(['GET /api/tickets: missing or wrong Basic credentials']));
	});
});

describe('a long helpdesk outage', () => {
	/** Delivers one message as the platform would, answering the delay the consumer asked for (undefined: acked). */
	async function deliver(queue: string, id: string, attempts: number, now: number): Promise<number | undefined> {
		let delay: number | undefined;
		const message = { id: `message-${id}-${attempts}`, timestamp: new Date(now), body: { id }, attempts, ack: () => {}, retry: (options?: { delaySeconds?: number }) => void (delay = options?.delaySeconds ?? 0) };
		await consumeForwardBatch({ queue, messages: [message] } as unknown as MessageBatch<unknown>, env, () => now);
		return delay;
	}

	/**
	 * Plays the queue (20 retries, then the dead-letter queue) and the five-minute sweep on a simulated clock from
	 * `start` until `end` or until the consumer stops asking for retries; answers the clock then.
	 */
	async function playOutage(id: string, start: number, end: number): Promise<number> {
		let clock = start;
		let attempts = 1;
		while (clock < end) {
			const delay = await deliver('help-center-forward', id, attempts, clock);
			if (delay === undefined) return clock;
			expect(delay).toBeLessThanOrEqual(4500);
			clock += delay * 1000;
			attempts += 1;
			if (attempts <= 21) continue;
			await deliver('help-center-forward-dlq', id, 1, clock);
			if ((await submission(id))?.status !== 'pending') return clock;
			const queue = recordingQueue();
			while (!queue.sent.includes(id)) {
				clock += 5 * 60_000;
				await sweep({ ...env, FORWARD_QUEUE: queue }, clock);
			}
			attempts = 1;
		}
		return clock;
	}

	/** A ticket the API took (and the real queue delivered), pending again as if never sent, and Gorgias empty. */
	async function pendingTicket(index: number): Promise<string> {
		const reference = await submitTicket(index);
		await until([reference], 'sent');
		await env.DB.prepare(`UPDATE submissions SET status = 'pending', attempts = 0, helpdesk_id = NULL WHERE id = ?1`).bind(reference).run();
		await fake('reset', {});
		return reference;
	}

	it('keeps a ticket pending through 30 hours of 500s, past the queue’s retries, and delivers it once when Gorgias is back', async () => {
		const reference = await pendingTicket(10);
		const start = Date.now();
		await fake('faults', { fail500: 1_000_000 });
		const clock = await playOutage(reference, start, start + 30 * hour);

		expect(await submission(reference)).toMatchObject({ status: 'pending', last_error: 'Gorgias: unavailable, HTTP 500' });
		// Past the 21 deliveries after which the queue gives up (where this outage used to end, dead and silent).
		expect((await submission(reference))!.attempts).toBeGreaterThan(21);
		expect(logged(warnings).filter((line) => line.includes('left the queue')).length).toBeGreaterThan(0);
		expect(logged(errors).filter((line) => line.includes(reference))).toEqual([]);
		// The sweep's first run of each hour reminds the log of what has waited too long.
		await sweep({ ...env, FORWARD_QUEUE: recordingQueue() }, Math.ceil(clock / hour) * hour);
		expect(logged(errors)).toContainEqual(expect.stringMatching(/^outbox: 0 failed, 0 dead, 1 pending \(oldest \d+ s\); see `npm run outbox`$/));
		expect(await ticketsInGorgias()).toEqual([]);

		await fake('faults', {});
		expect(await playOutage(reference, clock, clock + hour)).toBeLessThan(clock + hour);
		expect((await submission(reference))?.status).toBe('sent');
		expect(await ticketsInGorgias()).toEqual([reference]);
	});

	it('sets a ticket aside as dead, logged, only after 96 hours; it stays in the outbox and retry delivers it once', async () => {
		const reference = await pendingTicket(11);
		const start = Date.now();
		await fake('faults', { fail500: 1_000_000 });
		const clock = await playOutage(reference, start, start + 200 * hour);

		expect(clock).toBeGreaterThanOrEqual(start + 96 * hour);
		expect(clock).toBeLessThan(start + 98 * hour);
		expect(await submission(reference)).toMatchObject({ status: 'dead', last_error: 'Gorgias: unavailable, HTTP 500' });
		expect(logged(errors).filter((line) => line.includes(reference))).toEqual([`outbox: ${reference} (contact) dead: Gorgias: unavailable, HTTP 500; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`]);
		expect((await health()).outbox).toMatchObject({ dead: 1, failed: 0, pending: 0 });

		await fake('faults', {});
		await env.DB.prepare(retrySql([reference], clock)).run();
		expect(await playOutage(reference, clock, clock + hour)).toBeLessThan(clock + hour);
		expect((await submission(reference))?.status).toBe('sent');
		expect(await ticketsInGorgias()).toEqual([reference]);
	});
});
