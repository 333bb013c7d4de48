import { z } from 'zod';
import { referencePattern } from '../../functions/connectors/text.ts';

/**
 * What `npm run outbox` asks D1 and how it words the answer. Statements are plain SQL for `wrangler d1 execute`
 * (which binds no parameters): the only values written into them are numbers and references checked against a
 * strict pattern. No column a shopper wrote (the ticket, the order) is ever read.
 */

/** The states the command reports: everything the helpdesk does not have yet. */
const openStates = `('pending', 'failed', 'dead')`;

/** One submission as the command lists it. */
export const outboxEntrySchema = z.object({
	id: z.string(),
	kind: z.string(),
	status: z.enum(['pending', 'failed', 'dead']),
	attempts: z.number(),
	last_error: z.string().nullable(),
	created_at: z.number(),
	next_attempt_at: z.number(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** A submission the retry command put back in the queue's way. */
export const requeuedSchema = z.object({ id: z.string(), kind: z.string(), last_error: z.string().nullable() });
export type Requeued = z.infer<typeof requeuedSchema>;

/** The submissions not sent yet: dead first, then failed, then pending, oldest first within each. */
export function listSql(limit: number): string {
	const rows = Math.max(1, Math.min(1000, Math.trunc(limit)));
	return `SELECT id, kind, status, attempts, last_error, created_at, COALESCE(next_attempt_at, updated_at) AS next_attempt_at FROM submissions WHERE status IN ${openStates}
		ORDER BY CASE status WHEN 'dead' THEN 0 WHEN 'failed' THEN 1 ELSE 2 END, created_at LIMIT ${rows}`;
}

/** How many submissions are in each open state. */
export const countSql = `SELECT status, COUNT(*) AS count FROM submissions WHERE status IN ${openStates} GROUP BY status`;
export const stateCountSchema = z.object({ status: z.enum(['pending', 'failed', 'dead']), count: z.number() });

/**
 * Puts failed and dead submissions (all, or those named) back to pending as if new: no attempts, due at once, and
 * retried for a whole horizon again. The Worker's sweep (every five minutes) then hands them to the queue. The
 * last cause stays until one is sent.
 */
export function retrySql(references: readonly string[], now: number): string {
	for (const reference of references) {
		// The pattern admits no quote, so a reference can be written into the SQL as it is.
		if (!referencePattern.test(reference)) throw new Error(`Not a submission reference: ${reference}`);
	}
	const only = references.length > 0 ? ` AND id IN (${references.map((reference) => `'${reference}'`).join(', ')})` : '';
	const at = Math.trunc(now);
	return `UPDATE submissions SET status = 'pending', attempts = 0, next_attempt_at = 0, queued_at = ${at}, updated_at = ${at}
		WHERE status IN ('failed', 'dead')${only} RETURNING id, kind, last_error`;
}

/** `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(milliseconds: number): string {
	const seconds = Math.max(0, Math.round(milliseconds / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
	return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** What to do about one submission, from its state and the cause the Worker recorded. */
export function adviceFor(entry: OutboxEntry, now: number): string {
	const cause = entry.last_error ?? '';
	if (/refused, HTTP 40[13]\b/.test(cause)) {
		return 'the helpdesk refused our credentials: set the right ones (GORGIAS_EMAIL and GORGIAS_API_KEY, or ZENDESK_EMAIL and ZENDESK_API_TOKEN), then retry';
	}
	if (cause.includes('refused')) return 'the helpdesk refused this ticket: see the Worker log and the helpdesk settings, then retry';
	if (cause === 'unreadable submission') return 'sealed with another TOKEN_HMAC_KEY, or altered: it cannot be sent as it is';
	if (entry.status === 'dead') return 'the helpdesk was out of reach for FORWARD_GIVE_UP_HOURS (4 days by default): retry once it is back';
	if (entry.status === 'failed') return 'set aside: fix the cause, then retry';
	if (entry.attempts === 0) return 'waiting for its first attempt';
	const wait = entry.next_attempt_at - now;
	return wait > 0 ? `retrying by itself, next attempt in ${formatDuration(wait)}` : 'retrying by itself, next attempt due now';
}

/** Pads each column to its widest cell. */
function table(rows: string[][]): string[] {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

/** The report `npm run outbox` prints: counts, then each submission with its cause and what to do. */
export function formatStatus(where: string, counts: Record<'pending' | 'failed' | 'dead', number>, entries: readonly OutboxEntry[], now: number): string[] {
	const lines = [`Outbox (${where}): ${counts.pending} pending, ${counts.failed} failed, ${counts.dead} dead`];
	if (entries.length === 0) return [...lines, 'Every submission has reached the helpdesk.'];
	const header = ['reference', 'kind', 'state', 'attempts', 'waiting', 'cause'];
	const rows = entries.map((entry) => [entry.id, entry.kind, entry.status, String(entry.attempts), formatDuration(now - entry.created_at), entry.last_error ?? '–']);
	const [head, ...body] = table([header, ...rows]);
	lines.push('', head!, ...body.flatMap((row, index) => [row, `    → ${adviceFor(entries[index]!, now)}`]));
	const shown = entries.length;
	const total = counts.pending + counts.failed + counts.dead;
	if (shown < total) lines.push(`(${total - shown} more: --limit ${total})`);
	if (counts.failed + counts.dead > 0) {
		lines.push('', 'Once the cause is fixed, `npm run outbox -- retry` re-sends the failed and dead ones (or name references after retry).');
	}
	return lines;
}

/** What `npm run outbox -- retry` prints. */
export function formatRequeued(where: string, requeued: readonly Requeued[], remote: boolean): string[] {
	if (requeued.length === 0) return [`Outbox (${where}): no failed or dead submission to retry.`];
	const sweep = remote
		? 'The Worker’s sweep hands them to the helpdesk within five minutes; `npm run outbox -- --remote` shows how it went.'
		: 'wrangler dev runs no cron by itself: while `npm start` runs, `curl http://localhost:8787/cdn-cgi/local/scheduled` runs the sweep that sends them.';
	return [
		`Outbox (${where}): ${requeued.length} submission${requeued.length === 1 ? '' : 's'} pending again:`,
		...requeued.map((row) => `  ${row.id} (${row.kind}), last cause: ${row.last_error ?? '–'}`),
		sweep,
	];
}
