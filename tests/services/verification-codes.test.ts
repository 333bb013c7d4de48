import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ConnectorError, temporaryFailure } from '../../functions/connectors/errors';
import type { Mailer } from '../../functions/connectors/mailer';
import type { EmailMessage } from '../../functions/domain/email';
import type { Order } from '../../functions/domain/order';
import { importHmacKey } from '../../functions/services/crypto';
import { checkVerificationCode, issueVerificationCode, maskEmail, pruneVerificationCodes } from '../../functions/services/verification-codes';
import { captureErrorLog, demoOrder, recordingCall, thrown } from './support';

/** A mail service that keeps what it is given, or fails with `failure`. */
function mailbox(failure?: Error): Mailer & { sent: EmailMessage[] } {
	const send = recordingCall<EmailMessage, { messageId: string }>((count) => ({ messageId: `message-${count}` }), failure);
	return { send, sent: send.received };
}

const codeIn = (message: EmailMessage | undefined) => /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? 'none';
const key = () => importHmacKey('a signing key of at least thirty-two characters');

/** A demo order under an id no other test uses, so its codes are its own. */
async function order(): Promise<Order> {
	return { ...(await demoOrder('1005')), id: `gid://demo/Order/${crypto.randomUUID()}` };
}

const log = captureErrorLog();

describe('issueVerificationCode', () => {
	it('e-mails a 6-digit code valid 10 minutes in the shopper’s language, and stores only a keyed hash of it', async () => {
		const mailer = mailbox();
		const target = await order();
		const now = Date.now();
		expect(await issueVerificationCode(env.DB, await key(), mailer, target, 'fr', now)).toEqual({ expiresAt: new Date(now + 600_000).toISOString() });
		const [message] = mailer.sent;
		expect(message).toMatchObject({ to: 'lea.moreau@example.com', locale: 'fr', reference: expect.stringMatching(/^verification-code\//) });
		const code = codeIn(message);
		expect(code).toMatch(/^\d{6}$/);
		const row = await env.DB.prepare('SELECT code_hash, attempts, expires_at FROM verification_codes WHERE order_id = ?1').bind(target.id).first<{ code_hash: string }>();
		expect(row).toMatchObject({ attempts: 0, expires_at: now + 600_000 });
		expect(row?.code_hash).not.toContain(code);
	});

	it('refuses an order without an e-mail address, sending nothing', async () => {
		const mailer = mailbox();
		const noEmail = { ...(await order()), email: null };
		expect(await thrown(async () => issueVerificationCode(env.DB, await key(), mailer, noEmail, 'en'))).toMatchObject({ status: 404, code: 'order_not_found' });
		expect(mailer.sent).toEqual([]);
	});

	it('answers 503 mail_unavailable when the mail service fails, with Retry-After only when waiting can help, and keeps the previous code working', async () => {
		const target = await order();
		const working = mailbox();
		await issueVerificationCode(env.DB, await key(), working, target, 'en');
		const outage = await thrown(async () => issueVerificationCode(env.DB, await key(), mailbox(temporaryFailure({ vendor: 'Resend', detail: 'rate limited', retryAfterSeconds: 7, status: 429 })), target, 'en'));
		expect(outage).toMatchObject({ status: 503, code: 'mail_unavailable', headers: { 'Retry-After': '7' } });
		const refusal = new ConnectorError('Resend refused the message (HTTP 422 validation_error)', { vendor: 'Resend', kind: 'refused', status: 422 });
		const refused = await thrown(async () => issueVerificationCode(env.DB, await key(), mailbox(refusal), target, 'en'));
		expect(refused).toMatchObject({ status: 503, code: 'mail_unavailable', headers: {} });
		expect(log.lines).toContain('mail error: Resend refused the message (HTTP 422 validation_error)');
		await expect(checkVerificationCode(env.DB, await key(), target.id, codeIn(working.sent[0]))).resolves.toBeUndefined();
	});
});

describe('checkVerificationCode', () => {
	it('accepts the latest code once; the one it replaced and a second use are refused', async () => {
		const target = await order();
		const mailer = mailbox();
		await issueVerificationCode(env.DB, await key(), mailer, target, 'en');
		await issueVerificationCode(env.DB, await key(), mailer, target, 'en');
		const [replaced, latest] = mailer.sent.map(codeIn);
		// Two random codes are the same once in a million draws; only different ones can tell the old from the new.
		if (replaced !== latest) {
			expect(await thrown(async () => checkVerificationCode(env.DB, await key(), target.id, replaced!))).toMatchObject({ code: 'code_invalid' });
		}
		await checkVerificationCode(env.DB, await key(), target.id, latest!);
		expect(await thrown(async () => checkVerificationCode(env.DB, await key(), target.id, latest!))).toMatchObject({ status: 400, code: 'code_expired' });
	});

	it('counts wrong codes, says how many tries are left, and locks after five', async () => {
		const target = await order();
		const mailer = mailbox();
		await issueVerificationCode(env.DB, await key(), mailer, target, 'en');
		const right = codeIn(mailer.sent[0]);
		const wrong = right === '000000' ? '111111' : '000000';
		for (let attempt = 1; attempt <= 5; attempt++) {
			const error = await thrown(async () => checkVerificationCode(env.DB, await key(), target.id, wrong));
			expect(error).toMatchObject({ status: 400, code: 'code_invalid', extra: { details: { attemptsLeft: 5 - attempt } } });
		}
		// Even the right code no longer works.
		expect(await thrown(async () => checkVerificationCode(env.DB, await key(), target.id, right))).toMatchObject({ status: 429, code: 'code_locked' });
	});

	it('refuses a code after 10 minutes, a code checked with another key, and an order without a code', async () => {
		const target = await order();
		const mailer = mailbox();
		const issuedAt = Date.now();
		await issueVerificationCode(env.DB, await key(), mailer, target, 'en', issuedAt);
		const code = codeIn(mailer.sent[0]);
		expect(await thrown(async () => checkVerificationCode(env.DB, await key(), target.id, code, issuedAt + 600_000))).toMatchObject({ code: 'code_expired' });
		const otherKey = await importHmacKey('another signing key, also thirty-two characters long');
		expect(await thrown(() => checkVerificationCode(env.DB, otherKey, target.id, code, issuedAt))).toMatchObject({ code: 'code_invalid' });
		expect(await thrown(async () => checkVerificationCode(env.DB, await key(), 'gid://demo/Order/none', code))).toMatchObject({ code: 'code_expired' });
	});
});

describe('maskEmail', () => {
	it('keeps the first letter and the domain', () => {
		expect(maskEmail('lea.moreau@example.com')).toBe('l•••@example.com');
	});
});

describe('pruneVerificationCodes', () => {
	it('deletes codes expired for more than a day, and keeps the others', async () => {
		const target = await order();
		const now = Date.now();
		await issueVerificationCode(env.DB, await key(), mailbox(), { ...target, id: `${target.id}-old` }, 'en', now - 2 * 86_400_000);
		// Expired 23 hours ago: kept a little longer.
		await issueVerificationCode(env.DB, await key(), mailbox(), target, 'en', now - 23 * 3_600_000 - 600_000);
		await pruneVerificationCodes(env.DB, now);
		const { results } = await env.DB.prepare('SELECT order_id FROM verification_codes WHERE order_id IN (?1, ?2)').bind(target.id, `${target.id}-old`).all();
		expect(results).toEqual([{ order_id: target.id }]);
	});
});
