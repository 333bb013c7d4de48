import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ConnectorError, temporaryFailure } from '../../functions/connectors/errors';
import type { HelpdeskConnector } from '../../functions/connectors/helpdesk';
import type { Ticket } from '../../functions/domain/ticket';
import {
	enqueueForward,
	forwardSubmission,
	markDead,
	recordShopReference,
	recordSubmission,
	redactSentSubmissions,
	replaceTicket,
	requeueStuckSubmissions,
} from '../../functions/services/outbox';
import { captureErrorLog, contactTicket, dataKey, recordingCall, recordingQueue, storedSubmission, thrown } from './support';

/** A helpdesk that opens every ticket it is given, or fails with `failure`. */
function helpdesk(failure?: Error): HelpdeskConnector & { opened: Ticket[] } {
	const createTicket = recordingCall<Ticket, { helpdeskId: string }>((count) => ({ helpdeskId: `desk-${count}` }), failure);
	return { createTicket, opened: createTicket.received };
}

const log = captureErrorLog();

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
		expect(await forwardSubmission(env.DB, await dataKey(), desk, ticket.reference)).toEqual({ kind: 'sent' });
		expect(desk.opened).toEqual([ticket]);
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'sent', helpdesk_id: 'desk-1', attempts: 1, last_error: null });
		expect(await forwardSubmission(env.DB, await dataKey(), desk, ticket.reference)).toEqual({ kind: 'already_done' });
		expect(desk.opened).toHaveLength(1);
		expect(await forwardSubmission(env.DB, await dataKey(), desk, 'HC-NOSUCHONE1')).toEqual({ kind: 'missing' });
	});

	it('asks for a retry when the helpdesk is unavailable, keeping the submission pending with the reason', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const outage = temporaryFailure({ vendor: 'Gorgias', detail: 'rate limited', retryAfterSeconds: 20, status: 429 });
		expect(await thrown(async () => forwardSubmission(env.DB, await dataKey(), helpdesk(outage), ticket.reference))).toBe(outage);
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 429' });
	});

	it('turns an unexpected error into a retryable one', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const error = await thrown(async () => forwardSubmission(env.DB, await dataKey(), helpdesk(new TypeError('boom')), ticket.reference));
		expect(error).toBeInstanceOf(ConnectorError);
		expect(error).toMatchObject({ retryable: true, message: 'unexpected error while forwarding' });
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'pending', last_error: 'unexpected error while forwarding' });
	});

	it('sets a submission the helpdesk refuses aside as failed, for a person', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		const refusal = new ConnectorError('invalid ticket', { vendor: 'Zendesk', kind: 'refused', status: 422 });
		expect(await forwardSubmission(env.DB, await dataKey(), helpdesk(refusal), ticket.reference)).toEqual({ kind: 'failed', status: 422 });
		expect(await storedSubmission(ticket.reference)).toMatchObject({ status: 'failed', last_error: 'HTTP 422' });
	});

	it('sets aside a row it cannot decrypt', async () => {
		const ticket = contactTicket();
		await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		await env.DB.prepare(`UPDATE submissions SET ticket = 'v1.AAAA.BBBB' WHERE id = ?1`).bind(ticket.reference).run();
		const desk = helpdesk();
		expect(await forwardSubmission(env.DB, await dataKey(), desk, ticket.reference)).toEqual({ kind: 'failed', status: undefined });
		expect(desk.opened).toEqual([]);
		const row = await env.DB.prepare('SELECT status, last_error FROM submissions WHERE id = ?1').bind(ticket.reference).first();
		expect(row).toEqual({ status: 'failed', last_error: 'unreadable submission' });
	});
});

describe('markDead', () => {
	it('marks a pending submission dead, and leaves a sent one alone', async () => {
		const pending = contactTicket();
		const sent = contactTicket();
		for (const ticket of [pending, sent]) await recordSubmission(env.DB, await dataKey(), { ticket, orderId: null });
		await forwardSubmission(env.DB, await dataKey(), helpdesk(), sent.reference);
		await markDead(env.DB, pending.reference);
		await markDead(env.DB, sent.reference);
		expect((await storedSubmission(pending.reference)).status).toBe('dead');
		expect((await storedSubmission(sent.reference)).status).toBe('sent');
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
			await forwardSubmission(env.DB, await dataKey(), helpdesk(), ticket.reference);
		}
		const now = Date.now();
		await env.DB.prepare('UPDATE submissions SET sent_at = ?2 WHERE id = ?1').bind(old.reference, now - 31 * 86_400_000).run();
		await redactSentSubmissions(env.DB, 30, now);
		expect(await env.DB.prepare('SELECT ticket FROM submissions WHERE id = ?1').bind(old.reference).first()).toEqual({ ticket: 'redacted' });
		expect((await storedSubmission(recent.reference)).ticket).toEqual(recent);
	});
});
