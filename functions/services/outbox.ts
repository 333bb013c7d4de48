import { z } from 'zod';
import type { HelpdeskConnector } from '../connectors/helpdesk';
import { ConnectorError } from '../connectors/errors';
import { ticketSchema, type Ticket } from '../domain/ticket';
import { decryptText, encryptText } from './crypto';

/** What travels through the queue: an id only, never personal data (and well under the 128 KB limit). */
export const forwardMessageSchema = z.strictObject({ id: z.string().min(1).max(64) });
export type ForwardMessage = z.infer<typeof forwardMessageSchema>;

/**
 * Writes a ticket to the outbox, encrypted (what shoppers write is personal data). This is the durable write:
 * the API answers 2xx only after it succeeds. With a `tokenId` (the change token the shopper used), a token
 * records one submission of each kind: a second one is not written, and the reference of the first is answered
 * as `duplicateOf`.
 */
export async function recordSubmission(
	db: D1Database,
	dataKey: CryptoKey,
	submission: { ticket: Ticket; orderId: string | null; shopReference?: string | null; tokenId?: string },
	now = Date.now(),
): Promise<{ duplicateOf?: string }> {
	const { ticket, tokenId = null } = submission;
	const result = await db
		.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, order_id, shop_reference, token_id, created_at, updated_at)
			 VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT DO NOTHING`,
		)
		.bind(ticket.reference, ticket.kind, await encryptText(dataKey, JSON.stringify(ticket)), submission.orderId, submission.shopReference ?? null, tokenId, now)
		.run();
	if (result.meta.changes > 0) return {};
	const first = tokenId === null ? null : await db.prepare('SELECT id FROM submissions WHERE token_id = ?1 AND kind = ?2').bind(tokenId, ticket.kind).first<{ id: string }>();
	// Only the token's index can make the insert a no-op; anything else must not pass for a recorded submission.
	if (!first) throw new Error('submission not recorded');
	return { duplicateOf: first.id };
}

/** Keeps the shop's id of the change a submission made (a Shopify return id), for agents to find it. */
export async function recordShopReference(db: D1Database, id: string, shopReference: string): Promise<void> {
	await db.prepare('UPDATE submissions SET shop_reference = ?2 WHERE id = ?1').bind(id, shopReference).run();
}

/** Replaces the ticket of a pending submission (for example to ask an agent to finish by hand). */
export async function replaceTicket(db: D1Database, dataKey: CryptoKey, ticket: Ticket): Promise<void> {
	await db.prepare(`UPDATE submissions SET ticket = ?2 WHERE id = ?1 AND status = 'pending'`).bind(ticket.reference, await encryptText(dataKey, JSON.stringify(ticket))).run();
}

/** Hands a submission to the forwarding queue. A failure here loses nothing: the scheduled sweep re-sends it. */
export async function enqueueForward(queue: Queue<ForwardMessage>, id: string): Promise<void> {
	try {
		await queue.send({ id });
	} catch {
		console.error('forward enqueue failed; the sweep will retry');
	}
}

export type ForwardOutcome = { kind: 'sent' | 'already_done' | 'missing' } | { kind: 'failed'; status: number | undefined };

/**
 * Sends one submission to the helpdesk and records the result. Safe to run twice for the same id (queues
 * deliver at least once): the helpdesk connectors deduplicate by reference. Throws a retryable ConnectorError
 * to ask for a later retry.
 */
export async function forwardSubmission(db: D1Database, dataKey: CryptoKey, helpdesk: HelpdeskConnector, id: string, now = Date.now()): Promise<ForwardOutcome> {
	const row = await db.prepare('SELECT status, ticket FROM submissions WHERE id = ?1').bind(id).first<{ status: string; ticket: string }>();
	if (!row) return { kind: 'missing' };
	if (row.status !== 'pending') return { kind: 'already_done' };
	await db.prepare('UPDATE submissions SET attempts = attempts + 1, updated_at = ?2 WHERE id = ?1').bind(id, now).run();
	const fail = async (detail: string, status?: number): Promise<ForwardOutcome> => {
		await db.prepare(`UPDATE submissions SET status = 'failed', last_error = ?2, updated_at = ?3 WHERE id = ?1`).bind(id, detail.slice(0, 200), Date.now()).run();
		return { kind: 'failed', status };
	};
	let ticket: Ticket;
	try {
		ticket = ticketSchema.parse(JSON.parse(await decryptText(dataKey, row.ticket)));
	} catch {
		// An altered row, or one sealed with a rotated key, will never send: keep it for a person.
		return fail('unreadable submission');
	}
	try {
		const { helpdeskId } = await helpdesk.createTicket(ticket);
		await db
			.prepare(`UPDATE submissions SET status = 'sent', helpdesk_id = ?2, sent_at = ?3, updated_at = ?3, last_error = NULL WHERE id = ?1`)
			.bind(id, helpdeskId, Date.now())
			.run();
		return { kind: 'sent' };
	} catch (error) {
		const connectorError = error instanceof ConnectorError ? error : new ConnectorError('unexpected error while forwarding', { vendor: 'helpdesk', kind: 'unavailable' });
		const detail = connectorError.status ? `HTTP ${connectorError.status}` : connectorError.message;
		if (!connectorError.retryable) return fail(detail, connectorError.status);
		await db.prepare('UPDATE submissions SET last_error = ?2, updated_at = ?3 WHERE id = ?1').bind(id, detail.slice(0, 200), Date.now()).run();
		throw connectorError;
	}
}

/** Marks a submission the queue gave up on, so the sweep leaves it for a person to replay. */
export async function markDead(db: D1Database, id: string): Promise<void> {
	await db.prepare(`UPDATE submissions SET status = 'dead', updated_at = ?2 WHERE id = ?1 AND status = 'pending'`).bind(id, Date.now()).run();
}

/**
 * Hands pending submissions untouched for `olderThanSeconds` (lost enqueues, crashed consumers) to the queue
 * again, at most `limit` per run, and answers how many. Each is touched, so the next run leaves it to the queue.
 */
export async function requeueStuckSubmissions(
	db: D1Database,
	queue: Queue<ForwardMessage>,
	olderThanSeconds: number,
	now = Date.now(),
	limit = 500,
): Promise<number> {
	const { results } = await db
		.prepare(`SELECT id FROM submissions WHERE status = 'pending' AND updated_at < ?1 ORDER BY updated_at LIMIT ?2`)
		.bind(now - olderThanSeconds * 1000, limit)
		.all<{ id: string }>();
	const stuck = results.map((row) => row.id);
	// sendBatch takes at most 100 messages.
	for (let start = 0; start < stuck.length; start += 100) {
		const ids = stuck.slice(start, start + 100);
		await queue.sendBatch(ids.map((id) => ({ body: { id } })));
		await db.batch(ids.map((id) => db.prepare('UPDATE submissions SET updated_at = ?2 WHERE id = ?1').bind(id, now)));
	}
	return stuck.length;
}

/**
 * Replaces what shoppers wrote with a note once the helpdesk has had it for `afterDays`: the helpdesk is the
 * record, and the outbox need not keep personal data.
 */
export async function redactSentSubmissions(db: D1Database, afterDays: number, now = Date.now()): Promise<void> {
	await db
		.prepare(`UPDATE submissions SET ticket = 'redacted' WHERE status = 'sent' AND sent_at < ?1 AND ticket != 'redacted'`)
		.bind(now - afterDays * 86_400_000)
		.run();
}
