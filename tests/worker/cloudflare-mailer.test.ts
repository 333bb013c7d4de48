import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { createCloudflareMailer } from '../../functions/connectors/cloudflare-email';
import { createConnectors } from '../../functions/connectors/create-connectors';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { ConnectorError } from '../../functions/connectors/errors';
import { ApiError } from '../../functions/errors';
import { codeEmail } from '../../functions/services/code-email';
import { getSigningKey } from '../../functions/services/signing-key';
import { issueVerificationCode } from '../../functions/services/verification-codes';

declare global {
	namespace Cloudflare {
		interface Env {
			/** Declared for this project only (tests/vitest.config.ts), with codes@alderandpine.example as its one allowed sender. */
			EMAIL: SendEmail;
		}
	}
}

const allowed = { email: 'codes@alderandpine.example', name: 'Alder & Pine' };
const notAllowed = { email: 'promotions@alderandpine.example', name: 'Alder & Pine' };
const message = codeEmail({ reference: 'verification-code/workerd', to: 'lea.moreau@example.com', locale: 'fr', code: '042137', orderName: '#1005' });

/** The real binding, with what the mailer hands it written down on the way. */
function recorded(binding: SendEmail) {
	const builders: unknown[] = [];
	const send = (builder: unknown) => {
		builders.push(builder);
		return binding.send(builder as EmailMessageBuilder);
	};
	return { builders, binding: { send } as SendEmail };
}

/** Message ids the local simulation gives: synthesised from the sender's domain, as Cloudflare does. */
const simulatedMessageId = /^<[^<>@\s]+@alderandpine\.example>$/;

async function codesFor(orderId: string): Promise<number> {
	const row = await env.DB.prepare('SELECT COUNT(*) AS count FROM verification_codes WHERE order_id = ?1 AND consumed_at IS NULL').bind(orderId).first<{ count: number }>();
	return row?.count ?? 0;
}

// wrangler/miniflare simulate the `send_email` binding with the structured form; these tests send through it.
describe('Cloudflare Email Service inside workerd', () => {
	it('sends the code e-mail through the send_email binding and answers its message id', async () => {
		const { builders, binding } = recorded(env.EMAIL);
		const { messageId } = await createCloudflareMailer(binding, { ...allowed, replyTo: 'support@alderandpine.example' }).send(message);
		expect(messageId).toMatch(simulatedMessageId);
		expect(builders).toEqual([
			{
				from: { email: 'codes@alderandpine.example', name: 'Alder & Pine' },
				to: 'lea.moreau@example.com',
				subject: message.subject,
				text: message.text,
				html: message.html,
				replyTo: 'support@alderandpine.example',
				headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'fr' },
			},
		]);
	});

	it('turns the binding’s refusal (a sender outside allowed_sender_addresses) into a ConnectorError that names no address', async () => {
		const error = await createCloudflareMailer(env.EMAIL, notAllowed)
			.send(message)
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ConnectorError);
		expect((error as ConnectorError).message).toBe('Cloudflare Email Service is unavailable: send failed');
	});

	it('is what MAILER=cloudflare builds from the EMAIL binding', async () => {
		const settings = { ...env, MAILER: 'cloudflare', MAIL_FROM: 'codes@alderandpine.example' };
		const { mailer } = createConnectors(settings, readConfig(settings), env.DB);
		expect((await mailer.send(message)).messageId).toMatch(simulatedMessageId);
	});

	it('stores a code only once the binding took the e-mail; a refusal answers 503 mail_unavailable', async () => {
		const order = await createDemoShop(env.DB).findOrderByName('1002');
		expect(order).toBeDefined();
		const key = await getSigningKey(readConfig(env), env.DB);

		const refused = await issueVerificationCode(env.DB, key, createCloudflareMailer(env.EMAIL, notAllowed), order!, 'fr').catch((caught: unknown) => caught);
		expect(refused).toBeInstanceOf(ApiError);
		expect(refused).toMatchObject({ status: 503, code: 'mail_unavailable' });
		expect(await codesFor(order!.id)).toBe(0);

		await issueVerificationCode(env.DB, key, createCloudflareMailer(env.EMAIL, allowed), order!, 'fr');
		expect(await codesFor(order!.id)).toBe(1);
	});
});
