import { ConnectorError } from '../connectors/errors';
import type { Mailer } from '../connectors/mailer';
import type { Order } from '../domain/order';
import { ApiError } from '../errors';
import { codeEmail } from './code-email';
import { hmac, newSixDigitCode, toBase64Url, verifyHmac, fromBase64Url } from './crypto';

const lifetimeMs = 10 * 60 * 1000;
const maxAttempts = 5;

const codeText = (codeId: string, code: string) => `verification-code.${codeId}.${code}`;

/** Hides most of an address so the shopper recognises it without revealing it: "c•••@example.com". */
export function maskEmail(email: string): string {
	const [local = '', domain = ''] = email.split('@');
	return `${local.slice(0, 1)}•••@${domain}`;
}

/** The mail service did not take the message: say so with a stable code, and when to try again if that can help. */
function mailUnavailable(error: ConnectorError): ApiError {
	// The message names the vendor, a status and its error code: never an address or a credential.
	console.error(`mail error: ${error.message}`);
	const headers: Record<string, string> = error.retryable ? { 'Retry-After': String(Math.max(error.retryAfterSeconds ?? 30, 1)) } : {};
	return new ApiError(503, 'mail_unavailable', 'We could not send the e-mail with your code right now. Please try again in a few minutes.', {}, headers);
}

/**
 * Creates a 6-digit code for the order, valid 10 minutes, and e-mails it to the order's address. The code is
 * stored only once the mail service has taken the message, so a code that was never sent can never be used, and a
 * failed send leaves the previous code working. Only a keyed hash is stored, so a leaked table does not reveal
 * codes; a new code replaces the previous ones.
 */
export async function issueVerificationCode(db: D1Database, key: CryptoKey, mailer: Mailer, order: Order, locale: string, now = Date.now()) {
	if (!order.email) throw new ApiError(404, 'order_not_found', 'We could not find an order with this number and e-mail address.');
	const id = crypto.randomUUID();
	const code = newSixDigitCode();
	const codeHash = toBase64Url(await hmac(key, codeText(id, code)));
	try {
		await mailer.send(codeEmail({ reference: `verification-code/${id}`, to: order.email, locale, code, orderName: order.name }));
	} catch (error) {
		throw error instanceof ConnectorError ? mailUnavailable(error) : error;
	}
	// Sent: only now may the code be used. If this write fails the e-mailed code never works and the shopper asks
	// for another one, which is the safe way round.
	await db.batch([
		db.prepare('UPDATE verification_codes SET consumed_at = ?2 WHERE order_id = ?1 AND consumed_at IS NULL').bind(order.id, now),
		db
			.prepare('INSERT INTO verification_codes (id, order_id, code_hash, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
			.bind(id, order.id, codeHash, now + lifetimeMs, now),
	]);
	return { expiresAt: new Date(now + lifetimeMs).toISOString() };
}

/**
 * Checks a code against the order's latest one: at most 5 tries, 10 minutes, single use. The try is counted
 * before comparing, so parallel guesses cannot exceed the limit.
 */
export async function checkVerificationCode(db: D1Database, key: CryptoKey, orderId: string, code: string, now = Date.now()): Promise<void> {
	const row = await db
		.prepare(
			`UPDATE verification_codes SET attempts = attempts + 1
			 WHERE id = (SELECT id FROM verification_codes WHERE order_id = ?1 AND consumed_at IS NULL ORDER BY created_at DESC LIMIT 1)
			 RETURNING id, code_hash, attempts, expires_at`,
		)
		.bind(orderId)
		.first<{ id: string; code_hash: string; attempts: number; expires_at: number }>();
	if (!row || row.expires_at <= now) {
		throw new ApiError(400, 'code_expired', 'This code has expired. Ask for a new one.');
	}
	if (row.attempts > maxAttempts) {
		throw new ApiError(429, 'code_locked', 'Too many wrong codes. Ask for a new one.');
	}
	const mac = fromBase64Url(row.code_hash);
	if (!mac || !(await verifyHmac(key, mac, codeText(row.id, code)))) {
		throw new ApiError(400, 'code_invalid', 'This code is not right. Check the e-mail and try again.', { details: { attemptsLeft: maxAttempts - row.attempts } });
	}
	const consumed = await db.prepare('UPDATE verification_codes SET consumed_at = ?2 WHERE id = ?1 AND consumed_at IS NULL').bind(row.id, now).run();
	if (consumed.meta.changes === 0) throw new ApiError(400, 'code_expired', 'This code was already used. Ask for a new one.');
}

/** Deletes codes that expired more than a day ago; an expired code only ever answers `code_expired`. */
export async function pruneVerificationCodes(db: D1Database, now = Date.now()): Promise<void> {
	await db.prepare('DELETE FROM verification_codes WHERE expires_at < ?1').bind(now - 86_400_000).run();
}
