import { z } from 'zod';
import type { HelpdeskConnector } from '../connectors/helpdesk';
import { ConnectorError } from '../connectors/errors';
import type { Mailer } from '../connectors/mailer';
import { emailMessageSchema, type EmailMessage } from '../domain/email';
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
	submission: { ticket: Ticket; orderId: string | null; shopReference?: string | null; tokenId?: string; confirmation?: EmailMessage },
	now = Date.now(),
): Promise<{ duplicateOf?: string }> {
	const { ticket, tokenId = null, confirmation } = submission;
	const result = await db
		.prepare(
			`INSERT INTO submissions (id, kind, status, ticket, order_id, shop_reference, token_id, created_at, updated_at, next_attempt_at, queued_at,
			   confirmation, confirmation_status)
			 VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?7, ?7, ?7, ?7, ?8, ?9) ON CONFLICT DO NOTHING`,
		)
		.bind(
			ticket.reference,
			ticket.kind,
			await encryptText(dataKey, JSON.stringify(ticket)),
			submission.orderId,
			submission.shopReference ?? null,
			tokenId,
			now,
			confirmation ? await encryptText(dataKey, JSON.stringify(confirmation)) : null,
			confirmation ? 'pending' : null,
		)
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

/** Replaces the confirmation e-mail of a submission not yet confirmed (the shop's answer changed what it says). */
export async function replaceConfirmation(db: D1Database, dataKey: CryptoKey, id: string, confirmation: EmailMessage): Promise<void> {
	await db
		.prepare(`UPDATE submissions SET confirmation = ?2 WHERE id = ?1 AND confirmation_status = 'pending'`)
		.bind(id, await encryptText(dataKey, JSON.stringify(confirmation)))
		.run();
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

/** How forwarding retries: the wait before each next attempt, and how long a submission is tried at all. */
export interface ForwardRetryPolicy {
	/** Seconds to wait after the `attempts`-th attempt failed; `retryAfterSeconds` is what the vendor asked for. */
	delaySeconds(attempts: number, retryAfterSeconds: number | undefined): number;
	/** How long after it was queued a submission is still retried, in milliseconds; then it is set aside as dead. */
	horizonMs: number;
}

export type ForwardOutcome =
	| { kind: 'sent' | 'already_done' | 'missing' }
	| { kind: 'retry'; delaySeconds: number; cause: string }
	| { kind: 'failed' | 'dead'; cause: string };

type SetAside = 'failed' | 'dead';

interface OutboxRow {
	kind: string;
	status: string;
	ticket: string;
	attempts: number;
	last_error: string | null;
	/** Since when the row has been pending: its creation, or the last `npm run outbox -- retry`. */
	queued_at: number;
}

function readRow(db: D1Database, id: string): Promise<OutboxRow | null> {
	return db
		.prepare('SELECT kind, status, ticket, attempts, last_error, COALESCE(queued_at, created_at) AS queued_at FROM submissions WHERE id = ?1')
		.bind(id)
		.first<OutboxRow>();
}

/**
 * Why a forward failed, in words fit for logs and the outbox: the vendor, a reason and the HTTP status. Connector
 * errors never carry what the shopper wrote; anything else is named by its kind only.
 */
function describeFailure(error: unknown): { cause: string; retryable: boolean; retryAfterSeconds: number | undefined } {
	if (!(error instanceof ConnectorError)) return { cause: 'unexpected error', retryable: true, retryAfterSeconds: undefined };
	const reason = error.kind === 'refused' ? 'refused' : error.status === 429 ? 'rate limited' : error.status === undefined ? 'no answer' : 'unavailable';
	const status = error.status === undefined ? '' : `, HTTP ${error.status}`;
	return { cause: `${error.vendor}: ${reason}${status}`, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds };
}

/**
 * Sets a submission aside for a person and says so in the log: the reference, its kind and the cause only, never
 * what the shopper wrote. A sent submission is never set aside (a duplicate delivery may have failed after another
 * succeeded).
 */
async function setAside(db: D1Database, id: string, kind: string, status: SetAside, cause: string, now: number): Promise<ForwardOutcome> {
	const { meta } = await db
		.prepare(`UPDATE submissions SET status = ?2, last_error = ?3, updated_at = ?4 WHERE id = ?1 AND status = 'pending'`)
		.bind(id, status, cause.slice(0, 200), now)
		.run();
	if (meta.changes === 0) return { kind: 'already_done' };
	console.error(`outbox: ${id} (${kind}) ${status}: ${cause}; once the cause is fixed, \`npm run outbox -- retry\` re-sends it`);
	return { kind: status, cause };
}

/**
 * Sends one submission to the helpdesk and records the result. Safe to run twice for the same id (queues
 * deliver at least once): the helpdesk connectors deduplicate by reference. When the helpdesk is unavailable it
 * answers `retry` with the wait `policy` chooses, and keeps the row pending with its next attempt due then; once
 * the row has been retried for `policy.horizonMs` it is set aside as dead. A refusal (a wrong key, an invalid
 * ticket) sets it aside as failed at once: trying again cannot help until someone acts.
 */
export async function forwardSubmission(
	db: D1Database,
	dataKey: CryptoKey,
	helpdesk: HelpdeskConnector,
	id: string,
	policy: ForwardRetryPolicy,
	now = Date.now(),
): Promise<ForwardOutcome> {
	const row = await readRow(db, id);
	if (!row) return { kind: 'missing' };
	if (row.status !== 'pending') return { kind: 'already_done' };
	await db.prepare('UPDATE submissions SET attempts = attempts + 1, updated_at = ?2 WHERE id = ?1').bind(id, now).run();
	let ticket: Ticket;
	try {
		ticket = ticketSchema.parse(JSON.parse(await decryptText(dataKey, row.ticket)));
	} catch {
		// An altered row, or one sealed with a rotated key, will never send: keep it for a person.
		return setAside(db, id, row.kind, 'failed', 'unreadable submission', now);
	}
	try {
		const { helpdeskId } = await helpdesk.createTicket(ticket);
		await db
			.prepare(`UPDATE submissions SET status = 'sent', helpdesk_id = ?2, sent_at = ?3, updated_at = ?3, last_error = NULL WHERE id = ?1`)
			.bind(id, helpdeskId, now)
			.run();
		return { kind: 'sent' };
	} catch (error) {
		const failure = describeFailure(error);
		if (!failure.retryable) return setAside(db, id, row.kind, 'failed', failure.cause, now);
		if (now - row.queued_at >= policy.horizonMs) return setAside(db, id, row.kind, 'dead', failure.cause, now);
		const delaySeconds = policy.delaySeconds(row.attempts + 1, failure.retryAfterSeconds);
		await db
			.prepare(`UPDATE submissions SET last_error = ?2, next_attempt_at = ?3, updated_at = ?4 WHERE id = ?1 AND status = 'pending'`)
			.bind(id, failure.cause, now + delaySeconds * 1000, now)
			.run();
		return { kind: 'retry', delaySeconds, cause: failure.cause };
	}
}

export type ConfirmationOutcome = { kind: 'sent' | 'none' } | { kind: 'retry'; delaySeconds: number; cause: string } | { kind: 'failed'; cause: string };

/**
 * Sends a submission's confirmation e-mail to the shopper, once: the message's reference is the mailer's idempotency
 * key (Resend, the local inbox), and a sent confirmation is marked so and its text dropped. A mail service that is
 * unavailable is retried with the policy's waits for `horizonMs` after the submission (a confirmation days late
 * would only confuse); a refusal (a wrong key, an address the service will not take) sets it aside at once. The log
 * names the reference and the cause only.
 */
export async function sendConfirmation(
	db: D1Database,
	dataKey: CryptoKey,
	mailer: Mailer,
	id: string,
	policy: { delaySeconds(attempts: number, retryAfterSeconds: number | undefined): number; horizonMs: number },
	now = Date.now(),
): Promise<ConfirmationOutcome> {
	const row = await db
		.prepare(`SELECT confirmation, attempts, created_at FROM submissions WHERE id = ?1 AND confirmation_status = 'pending'`)
		.bind(id)
		.first<{ confirmation: string | null; attempts: number; created_at: number }>();
	if (!row?.confirmation) return { kind: 'none' };
	const setAsideConfirmation = async (cause: string): Promise<ConfirmationOutcome> => {
		await db.prepare(`UPDATE submissions SET confirmation_status = 'failed' WHERE id = ?1 AND confirmation_status = 'pending'`).bind(id).run();
		console.error(`outbox: confirmation of ${id} not sent: ${cause}`);
		return { kind: 'failed', cause };
	};
	let message: EmailMessage;
	try {
		message = emailMessageSchema.parse(JSON.parse(await decryptText(dataKey, row.confirmation)));
	} catch {
		return setAsideConfirmation('unreadable confirmation');
	}
	try {
		await mailer.send(message);
	} catch (error) {
		const failure = describeFailure(error);
		if (!failure.retryable || now - row.created_at >= policy.horizonMs) return setAsideConfirmation(failure.cause);
		const delaySeconds = policy.delaySeconds(row.attempts + 1, failure.retryAfterSeconds);
		await db.prepare('UPDATE submissions SET next_attempt_at = ?2 WHERE id = ?1').bind(id, now + delaySeconds * 1000).run();
		return { kind: 'retry', delaySeconds, cause: failure.cause };
	}
	await db
		.prepare(`UPDATE submissions SET confirmation_status = 'sent', confirmation_sent_at = ?2, confirmation = NULL WHERE id = ?1`)
		.bind(id, now)
		.run();
	return { kind: 'sent' };
}

/**
 * A submission the queue gave up on (it reached the dead-letter queue). Past the horizon it is set aside as dead,
 * logged; before, it stays pending and the sweep re-sends it once its next attempt is due: a queue's retry limit
 * never ends a submission's retries early.
 */
export async function releaseFromQueue(db: D1Database, id: string, horizonMs: number, now = Date.now()): Promise<void> {
	const row = await readRow(db, id);
	if (row?.status !== 'pending') return;
	const cause = row.last_error ?? 'no answer';
	if (now - row.queued_at >= horizonMs) {
		await setAside(db, id, row.kind, 'dead', cause, now);
		return;
	}
	console.warn(`outbox: ${id} (${row.kind}) left the queue after its retries (${cause}); the sweep re-sends it when due`);
}

/**
 * Hands pending submissions whose next attempt is more than `olderThanSeconds` overdue (lost enqueues, crashed
 * consumers, a queue that gave up, `npm run outbox -- retry`) to the queue again, at most `limit` per run, and
 * answers how many. Each is made due now, so the next run leaves it to the queue.
 */
export async function requeueStuckSubmissions(
	db: D1Database,
	queue: Queue<ForwardMessage>,
	olderThanSeconds: number,
	now = Date.now(),
	limit = 500,
): Promise<number> {
	const { results } = await db
		.prepare(
			`SELECT id FROM submissions WHERE (status = 'pending' OR confirmation_status = 'pending') AND COALESCE(next_attempt_at, updated_at) < ?1
			 ORDER BY COALESCE(next_attempt_at, updated_at) LIMIT ?2`,
		)
		.bind(now - olderThanSeconds * 1000, limit)
		.all<{ id: string }>();
	const stuck = results.map((row) => row.id);
	// sendBatch takes at most 100 messages.
	for (let start = 0; start < stuck.length; start += 100) {
		const ids = stuck.slice(start, start + 100);
		await queue.sendBatch(ids.map((id) => ({ body: { id } })));
		await db.batch(ids.map((id) => db.prepare('UPDATE submissions SET next_attempt_at = ?2 WHERE id = ?1').bind(id, now)));
	}
	return stuck.length;
}

/**
 * Replaces what shoppers wrote with a note once the helpdesk has had it for `afterDays`: the helpdesk is the
 * record, and the outbox need not keep personal data.
 */
export async function redactSentSubmissions(db: D1Database, afterDays: number, now = Date.now()): Promise<void> {
	await db
		.prepare(
			`UPDATE submissions SET ticket = 'redacted', confirmation = NULL
			 WHERE status = 'sent' AND sent_at < ?1 AND (ticket != 'redacted' OR confirmation IS NOT NULL) AND COALESCE(confirmation_status, '') != 'pending'`,
		)
		.bind(now - afterDays * 86_400_000)
		.run();
}

/** What the outbox holds that the helpdesk does not have yet: counts by state and the oldest's age in seconds. */
export const outboxSummarySchema = z.strictObject({
	pending: z.number().int().min(0),
	failed: z.number().int().min(0),
	dead: z.number().int().min(0),
	oldestPendingSeconds: z.number().int().min(0).nullable(),
	/** The oldest failed or dead submission: how long its shopper has been waiting. */
	oldestFailedSeconds: z.number().int().min(0).nullable(),
});
export type OutboxSummary = z.infer<typeof outboxSummarySchema>;

const stateCountSchema = z.object({ status: z.enum(['pending', 'failed', 'dead']), count: z.number(), oldest: z.number() });

/** Pending this long, a submission means the helpdesk has been out of reach for a while. */
const stalePendingSeconds = 3600;

/**
 * Counts pending, failed and dead submissions, with the age of the oldest pending and failed ones. Numbers only:
 * no reference, nothing a shopper wrote (the health check that shows it is public).
 */
export async function summarizeOutbox(db: D1Database, now = Date.now()): Promise<OutboxSummary> {
	// `status IN (…)` keeps to the status index: sent submissions, nearly all of them, are never read.
	const { results } = await db
		.prepare(`SELECT status, COUNT(*) AS count, MIN(created_at) AS oldest FROM submissions WHERE status IN ('pending', 'failed', 'dead') GROUP BY status`)
		.all();
	const states = z.array(stateCountSchema).parse(results);
	const count = (status: string) => states.find((state) => state.status === status)?.count ?? 0;
	const age = (...statuses: string[]) => {
		const oldest = Math.min(...states.filter((state) => statuses.includes(state.status)).map((state) => state.oldest));
		return Number.isFinite(oldest) ? Math.max(0, Math.floor((now - oldest) / 1000)) : null;
	};
	return outboxSummarySchema.parse({
		pending: count('pending'),
		failed: count('failed'),
		dead: count('dead'),
		oldestPendingSeconds: age('pending'),
		oldestFailedSeconds: age('failed', 'dead'),
	});
}

/** Whether a person should look: submissions set aside, or pending for over an hour. */
export function outboxNeedsAttention(summary: OutboxSummary): boolean {
	return summary.failed + summary.dead > 0 || (summary.oldestPendingSeconds ?? 0) > stalePendingSeconds;
}
