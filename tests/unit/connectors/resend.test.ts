import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmailMessage } from '../../../functions/domain/email';
import { createResendMailer } from '../../../functions/connectors/resend';
import { createResendFake } from '../../fakes/resend-fake';
import { type RunningFake, serveFake } from '../../fakes/serve';
import { connectorError } from './support';

const fake = createResendFake();
let server: RunningFake;
const timeoutMs = 800;
const sender = { email: 'codes@alderandpine.example', name: 'Alder & Pine' };

function mailer(overrides: Record<string, unknown> = {}) {
	return createResendMailer({ apiKey: fake.apiKey, baseUrl: server.url, timeoutMs, sender, ...overrides });
}

function message(overrides: Partial<EmailMessage> = {}): EmailMessage {
	return {
		reference: 'verification-code/0b7c3c4e-5f7e-4f61-9d0e-3f1a2b4c5d6e',
		to: 'lea.moreau@example.com',
		subject: 'Votre code de vérification Alder & Pine : 123456',
		text: 'Votre code pour gérer la commande #1005 est 123456.',
		html: '<!doctype html><html lang="fr"><body><p>Votre code est <strong>123456</strong>.</p></body></html>',
		locale: 'fr',
		...overrides,
	};
}

beforeAll(async () => {
	server = await serveFake(fake);
});
afterAll(() => server.stop());
beforeEach(() => fake.reset());
afterEach(() => expect(fake.violations()).toEqual([]));

describe('Resend mailer', () => {
	it('posts the e-mail shaped as Resend documents, with the reference as Idempotency-Key', async () => {
		const { messageId } = await mailer({ sender: { ...sender, replyTo: 'support@alderandpine.example' } }).send(message());
		const [email] = fake.emails();
		expect(messageId).toBe(email!.id);
		expect(email!.outcome).toBe('sent');
		expect(email!.idempotencyKey).toBe('verification-code/0b7c3c4e-5f7e-4f61-9d0e-3f1a2b4c5d6e');
		expect(email!.body).toEqual({
			from: 'Alder & Pine <codes@alderandpine.example>',
			to: ['lea.moreau@example.com'],
			subject: 'Votre code de vérification Alder & Pine : 123456',
			text: 'Votre code pour gérer la commande #1005 est 123456.',
			html: '<!doctype html><html lang="fr"><body><p>Votre code est <strong>123456</strong>.</p></body></html>',
			reply_to: 'support@alderandpine.example',
			headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'fr' },
		});
		expect(fake.control.requests).toEqual([{ method: 'POST', path: '/emails' }]);
	});

	it('quotes a sender name with special characters and keeps line breaks out of the subject', async () => {
		await mailer({ sender: { email: 'codes@alderandpine.example', name: 'Alder & Pine, Co. "Lyon"' } }).send(
			message({ subject: 'Code\r\nBcc: victim@example.com' }),
		);
		const body = fake.emails()[0]!.body;
		expect(body.from).toBe('"Alder & Pine, Co. \\"Lyon\\"" <codes@alderandpine.example>');
		expect(body.subject).toBe('Code Bcc: victim@example.com');
		expect(body).not.toHaveProperty('reply_to');
	});

	it('sends one e-mail however often the same reference is sent', async () => {
		const first = await mailer().send(message());
		const second = await mailer().send(message());
		expect(second).toEqual(first);
		expect(fake.emails()).toHaveLength(1);
	});

	it('refuses a message it could never deliver before any request', async () => {
		const error = await connectorError(() => mailer().send(message({ to: 'not an address' })));
		expect(error.retryable).toBe(false);
		expect(fake.control.requests).toHaveLength(0);
	});

	it('treats 422 validation_error as a permanent refusal, naming the error but not the message or address', async () => {
		fake.respondOnce({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field: lea.moreau@example.com' } });
		const error = await connectorError(() => mailer().send(message()));
		expect(error).toMatchObject({ retryable: false, status: 422 });
		expect(error.message).toBe('Resend refused the message (HTTP 422 validation_error)');
	});

	it('treats a wrong API key as permanent and never repeats the key', async () => {
		const error = await connectorError(() => mailer({ apiKey: 're_wrong_key_123' }).send(message()));
		expect(error).toMatchObject({ retryable: false, status: 403 });
		expect(error.message).not.toContain('re_wrong_key_123');
		expect(fake.emails()).toHaveLength(0);
	});

	it('treats 429 as retryable after retry-after, or after ratelimit-reset without it', async () => {
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 7 });
		expect(await connectorError(() => mailer().send(message()))).toMatchObject({ retryable: true, retryAfterSeconds: 7, status: 429 });
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: null });
		expect(await connectorError(() => mailer().send(message()))).toMatchObject({ retryable: true, retryAfterSeconds: 1, status: 429 });
		// Refused requests do not hold the key: the next attempt sends.
		await mailer().send(message());
		expect(fake.emails().map((email) => email.outcome)).toEqual(['failed', 'failed', 'sent']);
	});

	it('treats a spent daily quota as permanent even though it is a 429', async () => {
		fake.respondOnce({ status: 429, body: { statusCode: 429, name: 'daily_quota_exceeded', message: 'You have reached your daily email sending quota.' } });
		expect(await connectorError(() => mailer().send(message()))).toMatchObject({ retryable: false, status: 429 });
	});

	it('treats 5xx and timeouts as retryable, and a retry after a lost answer does not send twice', async () => {
		fake.setFaults({ fail500: 1 });
		expect(await connectorError(() => mailer().send(message()))).toMatchObject({ retryable: true, status: 500 });

		fake.setFaults({ timeouts: 1, timeoutMs: 2_000, timeoutCreates: true });
		const timedOut = await connectorError(() => mailer().send(message()));
		expect(timedOut.retryable).toBe(true);
		expect(timedOut.message).toContain(`no answer within ${timeoutMs} ms`);
		const sentDuringTimeout = fake.emails().find((email) => email.outcome === 'sent');
		expect(sentDuringTimeout).toBeDefined();

		const retried = await mailer().send(message());
		expect(retried.messageId).toBe(sentDuringTimeout!.id);
		expect(fake.emails().filter((email) => email.outcome === 'sent')).toHaveLength(1);
	});

	it('retries a request still in progress under the same key, and refuses the key reused for another message', async () => {
		fake.respondOnce({ status: 409, body: { statusCode: 409, name: 'concurrent_idempotent_requests', message: 'Same idempotency key used while original request is still in progress.' } });
		expect(await connectorError(() => mailer().send(message()))).toMatchObject({ retryable: true, status: 409 });
		await mailer().send(message());
		const reused = await connectorError(() => mailer().send(message({ text: 'Another text' })));
		expect(reused).toMatchObject({ retryable: false, status: 409 });
		expect(reused.message).toContain('invalid_idempotent_request');
	});
});
