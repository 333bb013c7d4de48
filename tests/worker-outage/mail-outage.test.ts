import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

declare global {
	namespace Cloudflare {
		interface Env {
			RESEND_BASE_URL: string;
		}
	}
}

interface FakeEmail {
	outcome: 'sent' | 'failed';
	idempotencyKey: string;
	body: { to: string[]; text: string; html?: string; headers?: Record<string, string> };
}

const lea = { number: '1005', email: 'lea.moreau@example.com', orderId: 'gid://demo/Order/1005' };

const resend = (path: string, body?: unknown) =>
	fetch(`${env.RESEND_BASE_URL}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function post(path: string, body: unknown) {
	const response = await exports.default.fetch(
		new Request(`https://help.alderandpine.example${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
	);
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

async function viewToken(): Promise<string> {
	const found = await post('/api/orders/lookup', { orderNumber: lea.number, email: lea.email });
	expect(found.status).toBe(200);
	return found.json.token.value;
}

const sendCode = (token: string) => post('/api/orders/verify/code', { token, locale: 'fr' });
const verify = (token: string, code: string) => post('/api/orders/verify', { token, code });

/** The e-mails Resend was asked to send, oldest first, with the code each one carries. */
async function emailsToResend(): Promise<(FakeEmail & { code: string })[]> {
	const { emails } = (await (await resend('emails')).json()) as { emails: FakeEmail[] };
	return emails.map((email) => ({ ...email, code: /\b(\d{6})\b/.exec(email.body.text)?.[1] ?? '' }));
}

async function usableCodes(): Promise<number> {
	const row = await env.DB.prepare('SELECT COUNT(*) AS count FROM verification_codes WHERE order_id = ?1 AND consumed_at IS NULL').bind(lea.orderId).first<{ count: number }>();
	return row?.count ?? 0;
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
	await resend('reset', {});
	await env.DB.prepare('DELETE FROM verification_codes').run();
	errors = vi.spyOn(console, 'error');
});
afterEach(async () => {
	expect(((await (await resend('violations')).json()) as { violations: string[] }).violations).toEqual([]);
	// Whatever went wrong, the logs never name the shopper.
	for (const call of errors.mock.calls) expect(call.join(' ')).not.toContain(lea.email);
	errors.mockRestore();
});

describe('one-time codes when Resend fails', () => {
	it('answers 503 mail_unavailable with Retry-After, and the code of the failed e-mail never works', async () => {
		const token = await viewToken();
		await resend('faults', { fail500: 1 });
		const sent = await sendCode(token);
		expect(sent.status).toBe(503);
		expect(sent.json).toEqual({ error: { code: 'mail_unavailable', message: expect.any(String) } });
		expect(sent.headers.get('Retry-After')).toMatch(/^\d+$/);
		expect(sent.text).not.toContain(lea.email);
		expect(errors.mock.calls.flat().join('\n')).toContain('mail error: Resend is unavailable: HTTP 500 internal_server_error');

		const [failed] = await emailsToResend();
		expect(failed).toMatchObject({ outcome: 'failed', body: { to: [lea.email] } });
		expect(failed!.body.html).toContain('<html lang="fr">');
		expect(await usableCodes()).toBe(0);
		const refused = await verify(token, failed!.code);
		expect(refused.status).toBe(400);
		expect(refused.json.error.code).toBe('code_expired');
	});

	it('does not honour a code whose e-mail Resend took but whose answer was lost to a timeout', async () => {
		const token = await viewToken();
		await resend('faults', { timeouts: 1, timeoutMs: 1_500, timeoutCreates: true });
		const sent = await sendCode(token);
		expect(sent.status).toBe(503);
		expect(sent.json.error.code).toBe('mail_unavailable');
		const [lost] = await emailsToResend();
		expect(lost!.outcome).toBe('sent');
		expect((await verify(token, lost!.code)).json.error.code).toBe('code_expired');
	});

	it('refused by Resend (422): 503 mail_unavailable without Retry-After, since waiting will not help', async () => {
		const token = await viewToken();
		await resend('respond-once', { status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });
		const sent = await sendCode(token);
		expect(sent.status).toBe(503);
		expect(sent.json.error.code).toBe('mail_unavailable');
		expect(sent.headers.get('Retry-After')).toBeNull();
		expect(await usableCodes()).toBe(0);
	});

	it('keeps the code already e-mailed working when sending a new one fails', async () => {
		const token = await viewToken();
		expect((await sendCode(token)).status).toBe(202);
		await resend('faults', { rateLimit: 1, retryAfterSeconds: 2 });
		const again = await sendCode(token);
		expect(again.status).toBe(503);
		expect(again.headers.get('Retry-After')).toBe('2');

		const [delivered, failed] = await emailsToResend();
		expect(delivered!.outcome).toBe('sent');
		expect(failed!.outcome).toBe('failed');
		// One e-mail per code: each send has its own Idempotency-Key.
		expect(failed!.idempotencyKey).not.toBe(delivered!.idempotencyKey);
		const verified = await verify(token, delivered!.code);
		expect(verified.status).toBe(200);
		expect(verified.json.token.purpose).toBe('change');
	});
});
