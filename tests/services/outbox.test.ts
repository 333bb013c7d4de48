import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { ConnectorError, temporaryFailure } from '../../functions/connectors/errors';
import type { HelpdeskConnector } from '../../functions/connectors/helpdesk';
import type { Ticket } from '../../functions/domain/ticket';
import {
	enqueueForward,
	type ForwardRetryPolicy,
	forwardSubmission,
	outboxNeedsAttention,
	recordShopReference,
	recordSubmission,
	redactSentSubmissions,
	releaseFromQueue,
	replaceTicket,
	requeueStuckSubmissions,
} from '../../functions/services/outbox';
import { retrySql } from '../../scripts/lib/outbox-report';
import { captureErrorLog, contactTicket, dataKey, recordingCall, recordingQueue, storedSubmission, thrown } from './support';

/** A helpdesk that opens every ticket it is given, or fails with `failure`. */
function helpdesk(failure?: Error): HelpdeskConnector & { opened: Ticket[] } {
	const createTicket = recordingCall<Ticket, { helpdeskId: string }>((count) => ({ helpdeskId: `desk-${count}` }), failure);
	return { createTicket, opened: createTicket.received };
}

const log = captureErrorLog();

const hour = 3_600_000;

/** Ten seconds per attempt so far, or what the vendor asked; retried for four days. */
const policy: ForwardRetryPolicy = { delaySeconds: (attempts, retryAfterSeconds) => retryAfterSeconds ?? 10 * attempts, horizonMs: 96 * hour };

/** A new pending submission recorded at `now`, answering its reference. */
async function pendingSubmission(now = Date.now()): Promise<string> {
	const ticket = contactTicket();
	await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null }, now);
	return ticket.reference;
}

const forward = async (id: string, desk: HelpdeskConnector, now = Date.now()) => forwardSubmission(env.DB, await dataKey(), desk, id, policy, now);

describe('recordSubmission', () => {
	it('stores the ticket pending and encrypted, with its order and token', async () => {
		const ticket = contactTicket({ body: 'My secret message' });
		expect(await recordSubmission(env.DB, await dataKey(), { ticket, orderId: 'gid://demo/Order/1001', tokenId: 'token-record-1' })).toEqual({});
		const raw = await env.DB.prepare('SELECT ticket FROM submissions WHERE id = ?1').bind(ticket.reference).first<{ ticket: string }>();
		expect(raw?.ticket).toMatch(/^v1\./);
		expect(raw?.ticket).not.toContain('secret');
		const row = await storedSubmission(ticket.reference);
		expect(row).toMatchObject({ kind: 'contact', status: 'pending', order_id: 'gid://demo/Order/1001', token_id: 'token-record-1', attempts: 0 });
		expect(row.ticket).toEqual(ticket);
	});

	it('answers the first submission of a token for a second one of the same kind, and stores nothing', async () => {
		const first = contactTicket({ kind: 'return' });
		await recordSubmission(env.DB, await dataKey(), { ticket: first, orderId: 'o', tokenId: 'token-twice' });
		const second = contactTicket({ kind: 'return' });
		expect(await recordSubmission(env.DB, await dataKey(), { ticket: second, orderId: 'o', tokenId: 'token-twice' })).toEqual({ duplicateOf: first.reference });
		expect(await env.DB.prepare('SELECT id FROM submissions WHERE id = ?1').bind(second.reference).first()).toBeNull();
		// Another kind with the same token is its own submission.
		expect(await recordSubmission(env.DB, await dataKey(), { ticket: contactTicket({ kind: 'address_change' }), orderId: 'o', tokenId: 'token-twice' })).toEqual({});
	});

	it('never passes off a reference already taken as recorded', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const error = await thrown(async () => recordSubmission(env.DB, await dataKey(), { ticket: { ...ticket, body: 'other' }, orderId: null }));
		expect((error as Error).message).toBe('submission not recorded');
	});
});

describe('replaceTicket and recordShopReference', () => {
	it('replace the ticket of a pending submission only, and keep the shop’s id', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		await replaceTicket(env.DB, await dataKey(), { ...ticket, body: 'Replaced' });
		await recordShopReference(env.DB, ticket.reference, 'gid://shopify/Return/1');
		expect(await storedSubmission(ticket.reference)).toMatchObject({ ticket: { body: 'Replaced' }, shop_reference: 'gid://shopify/Return/1' });
		await env.DB.prepare(`UPDATE submissions SET status = 'sent' WHERE id = ?1`).bind(ticket.reference).run();
		await replaceTicket(env.DB, await dataKey(), { ...ticket, body: 'Too late' });
		expect((await storedSubmission(ticket.reference)).ticket?.body).toBe('Replaced');
	});
});

describe('enqueueForward', () => {
	it('sends the id only', async () => {
		const queue = recordingQueue();
		await enqueueForward(queue, 'HC-ENQUEUED01');
		expect(queue.sent).toEqual(['HC-ENQUEUED01']);
	});

	it('loses nothing when the queue fails: it logs, and the sweep re-sends later', async () => {
		await expect(enqueueForward(recordingQueue({ failing: true }), 'HC-NOTQUEUED1')).resolves.toBeUndefined();
		expect(log.lines).toEqual(['forward enqueue failed; the sweep will retry']);
	});
});

describe('forwardSubmission', () => {
	it('opens the ticket and marks the submission sent with the helpdesk’s id, once', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const desk = helpdesk();
		expect(await forward(ticket.reference, desk)).toEqual({ kind: 'sent' });
		expect(desk.opened).toEqual([ticket]);
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'sent', helpdesk_id: 'desk-1', attempts: 1, last_error: null });
		expect(await forward(ticket.reference, desk)).toEqual({ kind: 'already_done' });
		expect(desk.opened).toHaveLength(1);
		expect(await forward('HC-NOSUCHONE1', desk)).toEqual({ kind: 'missing' });
	});

	it('asks for a retry after the helpdesk’s Retry-After when it is unavailable, keeping the cause and when the next attempt is due', async () => {
		const now = Date.now();
		const id = await pendingSubmission(now);
		const outage = temporaryFailure({ vendor: 'Gorgias', detail: 'rate limited', retryAfterSeconds: 20, status: 429 });
		expect(await forward(id, helpdesk(outage), now)).toEqual({ kind: 'retry', delaySeconds: 20, cause: 'Gorgias: rate limited, HTTP 429' });
		expect(await storedSubmission(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Gorgias: rate limited, HTTP 429' });
		expect(await env.DB.prepare('SELECT next_attempt_at FROM submissions WHERE id = ?1').bind(id).first()).toEqual({ next_attempt_at: now + 20_000 });
		expect(log.lines).toEqual([]);
	});

	it('backs off on the submission’s own attempts, which outlive any queue message', async () => {
		const id = await pendingSubmission();
		const down = temporaryFailure({ vendor: 'Gorgias', detail: 'ticket lookup failed', status: 503 });
		for (const expected of [10, 20, 30]) expect(await forward(id, helpdesk(down))).toMatchObject({ kind: 'retry', delaySeconds: expected });
		const silent = temporaryFailure({ vendor: 'Zendesk', detail: 'no answer within 8000 ms' });
		expect(await forward(id, helpdesk(silent))).toEqual({ kind: 'retry', delaySeconds: 40, cause: 'Zendesk: no answer' });
	});

	it('retries an unexpected error, naming it by its kind only', async () => {
		const id = await pendingSubmission();
		expect(await forward(id, helpdesk(new TypeError('boom jane.doe@example.com')))).toMatchObject({ kind: 'retry', cause: 'unexpected error' });
		expect(await storedSubmission(id)).toMatchObject({ status: 'pending', last_error: 'unexpected error' });
	});

	it('sets a submission the helpdesk refuses aside as failed at once, and logs it with its cause only', async () => {
		const ticket = contactTicket({ kind: 'return' });
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const wrongKey = new ConnectorError('Gorgias refused the request (HTTP 401)', { vendor: 'Gorgias', kind: 'refused', status: 401 });
		expect(await forward(ticket.reference, helpdesk(wrongKey))).toEqual({ kind: 'failed', cause: 'Gorgias: refused, HTTP 401' });
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Gorgias: refused, HTTP 401' });
		expect(log.lines).toEqual([
			`outbox: ${ticket.reference} (return) failed: Gorgias: refused, HTTP 401; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`,
		]);
		expect(log.lines.join()).not.toMatch(/jane|Doe|parcel/i);
	});

	it('never sets aside a submission another delivery sent meanwhile, nor logs it', async () => {
		const id = await pendingSubmission();
		const lateRefusal: HelpdeskConnector = {
			async createTicket() {
				await env.DB.prepare(`UPDATE submissions SET status = 'sent' WHERE id = ?1`).bind(id).run();
				throw new ConnectorError('refused', { vendor: 'Gorgias', kind: 'refused', status: 403 });
			},
		};
		expect(await forward(id, lateRefusal)).toEqual({ kind: 'already_done' });
		expect(await storedSubmission(id)).toMatchObject({ status: 'sent' });
		expect(log.lines).toEqual([]);
	});

	it('sets aside a row it cannot decrypt', async () => {
		const id = await pendingSubmission();
		await env.DB.prepare(`UPDATE submissions SET ticket = 'v1.AAAA.BBBB' WHERE id = ?1`).bind(id).run();
		const desk = helpdesk();
		expect(await forward(id, desk)).toEqual({ kind: 'failed', cause: 'unreadable submission' });
		expect(desk.opened).toEqual([]);
		expect(await env.DB.prepare('SELECT status, last_error FROM submissions WHERE id = ?1').bind(id).first()).toEqual({ status: 'failed', last_error: 'unreadable submission' });
		expect(log.lines[0]).toMatch(/^outbox: HC-\w+ \(contact\) failed: unreadable submission;/);
	});

	it('keeps retrying through a 14-hour outage, and sets the submission aside as dead, logged, once the horizon has passed', async () => {
		const queuedAt = Date.now();
		const id = await pendingSubmission(queuedAt);
		const down = temporaryFailure({ vendor: 'Gorgias', detail: 'ticket lookup failed', status: 500 });
		expect(await forward(id, helpdesk(down), queuedAt + 14 * hour)).toMatchObject({ kind: 'retry' });
		expect(await forward(id, helpdesk(down), queuedAt + 95 * hour)).toMatchObject({ kind: 'retry' });
		expect(log.lines).toEqual([]);
		expect(await forward(id, helpdesk(down), queuedAt + 96 * hour)).toEqual({ kind: 'dead', cause: 'Gorgias: unavailable, HTTP 500' });
		expect(await storedSubmission(id)).toMatchObject({ status: 'dead', last_error: 'Gorgias: unavailable, HTTP 500' });
		expect(log.lines).toEqual([`outbox: ${id} (contact) dead: Gorgias: unavailable, HTTP 500; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`]);
	});
});

describe('releaseFromQueue', () => {
	it('leaves a submission the queue gave up on pending for the sweep while within the horizon', async () => {
		const queuedAt = Date.now();
		const id = await pendingSubmission(queuedAt);
		await forward(id, helpdesk(temporaryFailure({ vendor: 'Gorgias', detail: 'ticket lookup failed', status: 502 })), queuedAt);
		const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await releaseFromQueue(env.DB, id, policy.horizonMs, queuedAt + 14 * hour);
		expect((await storedSubmission(id)).status).toBe('pending');
		expect(warnings.mock.calls.flat()).toEqual([`outbox: ${id} (contact) left the queue after its retries (Gorgias: unavailable, HTTP 502); the sweep re-sends it when due`]);
		warnings.mockRestore();
	});

	it('sets it aside as dead, logged, past the horizon, and leaves a sent one alone', async () => {
		const queuedAt = Date.now();
		const pending = await pendingSubmission(queuedAt);
		const sent = await pendingSubmission(queuedAt);
		await forward(sent, helpdesk());
		for (const id of [pending, sent]) await releaseFromQueue(env.DB, id, policy.horizonMs, queuedAt + 97 * hour);
		expect((await storedSubmission(pending)).status).toBe('dead');
		expect((await storedSubmission(sent)).status).toBe('sent');
		expect(log.lines).toEqual([`outbox: ${pending} (contact) dead: no answer; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`]);
	});
});

describe('npm run outbox -- retry', () => {
	it('puts failed and dead submissions back as new; the sweep re-sends them and the helpdesk gets each once', async () => {
		const now = Date.now() + 3 * 365 * 86_400_000;
		const [refused, dead, untouched] = [await pendingSubmission(now - 100 * hour), await pendingSubmission(now - 100 * hour), await pendingSubmission(now - 100 * hour)];
		await forward(refused, helpdesk(new ConnectorError('refused', { vendor: 'Gorgias', kind: 'refused', status: 403 })), now - 99 * hour);
		await forward(dead, helpdesk(temporaryFailure({ vendor: 'Gorgias', detail: 'down', status: 500 })), now - 2 * hour);
		await forward(untouched, helpdesk(new ConnectorError('refused', { vendor: 'Gorgias', kind: 'refused', status: 401 })), now - 99 * hour);
		expect((await storedSubmission(dead)).status).toBe('dead');
		const before = recordingQueue();
		await requeueStuckSubmissions(env.DB, before, 600, now);
		expect(before.sent).not.toContain(refused);

		const { results } = await env.DB.prepare(retrySql([refused, dead], now)).all();
		expect(results).toEqual([
			{ id: refused, kind: 'contact', last_error: 'Gorgias: refused, HTTP 403' },
			{ id: dead, kind: 'contact', last_error: 'Gorgias: unavailable, HTTP 500' },
		]);
		expect(await storedSubmission(refused)).toMatchObject({ status: 'pending', attempts: 0 });
		expect((await storedSubmission(untouched)).status).toBe('failed');

		const queue = recordingQueue();
		await requeueStuckSubmissions(env.DB, queue, 600, now + 1000);
		expect(queue.sent).toEqual(expect.arrayContaining([refused, dead]));
		expect(queue.sent).not.toContain(untouched);
		// A whole horizon again: the helpdesk still down right after the retry means another retry, not dead at once.
		expect(await forward(dead, helpdesk(temporaryFailure({ vendor: 'Gorgias', detail: 'down', status: 500 })), now + 2000)).toMatchObject({ kind: 'retry' });
		const desk = helpdesk();
		for (const id of [...queue.sent, dead]) await forward(id, desk, now + 3000);
		for (const id of [refused, dead]) expect(await storedSubmission(id)).toMatchObject({ status: 'sent', last_error: null });
		expect(desk.opened.filter((ticket) => [refused, dead].includes(ticket.reference))).toHaveLength(2);
	});
});

describe('outboxNeedsAttention', () => {
	it('asks for a person when submissions were set aside or have waited over an hour', () => {
		const calm = { pending: 3, failed: 0, dead: 0, oldestPendingSeconds: 120, oldestFailedSeconds: null };
		expect(outboxNeedsAttention(calm)).toBe(false);
		expect(outboxNeedsAttention({ ...calm, failed: 1, oldestFailedSeconds: 5 })).toBe(true);
		expect(outboxNeedsAttention({ ...calm, dead: 1, oldestFailedSeconds: 5 })).toBe(true);
		expect(outboxNeedsAttention({ ...calm, oldestPendingSeconds: 3601 })).toBe(true);
	});
});

describe('requeueStuckSubmissions', () => {
	it('re-sends pending submissions untouched for too long, and touches them so the next run leaves them be', async () => {
		const now = Date.now() + 365 * 86_400_000;
		const stale = contactTicket();
		const fresh = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket: stale, orderId: null }, now - 3_600_000);
		await recordSubmission(env.DB, await dataKey(), { ticket: fresh, orderId: null }, now - 60_000);
		const queue = recordingQueue();
		const resent = await requeueStuckSubmissions(env.DB, queue, 600, now);
		expect(queue.sent).toContain(stale.reference);
		expect(queue.sent).not.toContain(fresh.reference);
		expect(resent).toBe(queue.sent.length);
		const again = recordingQueue();
		await requeueStuckSubmissions(env.DB, again, 600, now);
		expect(again.sent).not.toContain(stale.reference);
	});

	it('leaves a submission waiting for its retry to the queue, and takes it once that retry is long overdue', async () => {
		const now = Date.now() + 4 * 365 * 86_400_000;
		const id = await pendingSubmission(now - hour);
		await forward(id, helpdesk(temporaryFailure({ vendor: 'Gorgias', detail: 'rate limited', retryAfterSeconds: 3600, status: 429 })), now);
		const waiting = recordingQueue();
		await requeueStuckSubmissions(env.DB, waiting, 600, now + 50 * 60_000);
		expect(waiting.sent).not.toContain(id);
		const overdue = recordingQueue();
		await requeueStuckSubmissions(env.DB, overdue, 600, now + 71 * 60_000);
		expect(overdue.sent).toContain(id);
	});

	it('sends in batches of at most 100, up to the limit', async () => {
		const now = Date.now() + 2 * 365 * 86_400_000;
		const queue = recordingQueue();
		const key = await dataKey();
		for (let index = 0; index < 130; index++) await recordSubmission(env.DB, key, { ticket: contactTicket(), orderId: null }, now - 3_600_000 - index);
		expect(await requeueStuckSubmissions(env.DB, queue, 600, now, 120)).toBe(120);
		expect(queue.batches).toEqual([100, 20]);
	});
});

describe('redactSentSubmissions', () => {
	it('replaces what the shopper wrote once the helpdesk has had it long enough, and only then', async () => {
		const old = contactTicket();
		const recent = contactTicket();
		for (const ticket of [old, recent]) {
			await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
			await forward(ticket.reference, helpdesk());
		}
		const now = Date.now();
		await env.DB.prepare('UPDATE submissions SET sent_at = ?2 WHERE id = ?1').bind(old.reference, now - 31 * 86_400_000).run();
		await redactSentSubmissions(env.DB, 30, now);
		expect(await env.DB.prepare('SELECT ticket FROM submissions WHERE id = ?1').bind(old.reference).first()).toEqual({ ticket: 'redacted' });
		expect((await storedSubmission(recent.reference)).ticket).toEqual(recent);
	});
});
