import { describe, expect, it } from 'vitest';
import { createCloudflareMailer } from '../../../functions/connectors/cloudflare-email';
import { connectorError } from './support';

const sender = { email: 'codes@alderandpine.example', name: 'Alder & Pine', replyTo: 'support@alderandpine.example' };
const message = {
	reference: 'verification-code/1',
	to: 'lea.moreau@example.com',
	subject: 'Code',
	text: 'Your code is 123456.',
	html: '<p>Your code is <strong>123456</strong>.</p>',
	locale: 'fr',
};

/** The binding as deployed: it throws an Error carrying a documented `code`, with a message that can quote addresses. */
function failingBinding(code: string | undefined) {
	return {
		async send(): Promise<EmailSendResult> {
			throw Object.assign(new Error(`${code ?? 'failure'}: cannot send to lea.moreau@example.com`), code ? { code } : {});
		},
	} as unknown as SendEmail;
}

describe('Cloudflare Email Service mailer', () => {
	it('passes reply-to and the HTML alternative to the binding', async () => {
		const sent: unknown[] = [];
		const binding = { send: async (builder: unknown) => (sent.push(builder), { messageId: '<1@alderandpine.example>' }) } as unknown as SendEmail;
		await createCloudflareMailer(binding, sender).send(message);
		expect(sent[0]).toMatchObject({ replyTo: 'support@alderandpine.example', html: '<p>Your code is <strong>123456</strong>.</p>' });
	});

	it('retries later after a rate limit or an internal error, with the code but never the address in the message', async () => {
		const limited = await connectorError(() => createCloudflareMailer(failingBinding('E_RATE_LIMIT_EXCEEDED'), sender).send(message));
		expect(limited).toMatchObject({ retryable: true, retryAfterSeconds: 60 });
		expect(limited.message).toBe('Cloudflare Email Service is unavailable: E_RATE_LIMIT_EXCEEDED');
		expect((await connectorError(() => createCloudflareMailer(failingBinding('E_INTERNAL_SERVER_ERROR'), sender).send(message))).retryable).toBe(true);
	});

	it('does not retry what needs someone to act: unverified sender, suppressed recipient, spent daily quota', async () => {
		for (const code of ['E_SENDER_NOT_VERIFIED', 'E_RECIPIENT_SUPPRESSED', 'E_DAILY_LIMIT_EXCEEDED', 'E_VALIDATION_ERROR']) {
			const error = await connectorError(() => createCloudflareMailer(failingBinding(code), sender).send(message));
			expect(error.retryable, code).toBe(false);
			expect(error.message).toBe(`Cloudflare Email Service refused the message (${code})`);
			expect(error.message).not.toContain('lea.moreau');
		}
	});

	it('treats a failure without a code as temporary, and refuses an invalid message before calling the binding', async () => {
		const unknown = await connectorError(() => createCloudflareMailer(failingBinding(undefined), sender).send(message));
		expect(unknown.retryable).toBe(true);
		expect(unknown.message).not.toContain('lea.moreau');
		let called = false;
		const binding = { send: async () => ((called = true), { messageId: 'x' }) } as unknown as SendEmail;
		expect((await connectorError(() => createCloudflareMailer(binding, sender).send({ ...message, to: 'lea' }))).retryable).toBe(false);
		expect(called).toBe(false);
	});
});
