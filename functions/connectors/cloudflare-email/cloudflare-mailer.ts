import { z } from 'zod';
import { emailMessageSchema } from '../../domain/email';
import { ConnectorError, temporaryFailure } from '../errors';
import { type Mailer, type MailSender, standardHeaders } from '../mailer';
import { singleLine } from '../text';

const vendor = 'Cloudflare Email Service';

/**
 * Codes after which the same message can succeed a little later. The others (unverified sender, suppressed
 * recipient, invalid content, daily quota …) need someone to act first.
 * https://developers.cloudflare.com/email-service/api/send-emails/workers-api/#error-codes
 */
const retryableCodes = new Set(['E_RATE_LIMIT_EXCEEDED', 'E_INTERNAL_SERVER_ERROR']);

/** The binding throws an Error whose `code` names the failure; its message can quote addresses, so it is never read. */
const bindingErrorSchema = z.object({ code: z.string().regex(/^E_[A-Z_]{1,60}$/) });
const sendResultSchema = z.object({ messageId: z.string().min(1) });

function bindingFailure(error: unknown): ConnectorError {
	const code = bindingErrorSchema.safeParse(error).data?.code;
	// No code: the binding itself failed (or a local simulation refused); nothing says waiting will not help.
	if (code === undefined) return temporaryFailure({ vendor, detail: 'send failed' });
	if (retryableCodes.has(code)) return temporaryFailure({ vendor, detail: code, retryAfterSeconds: code === 'E_RATE_LIMIT_EXCEEDED' ? 60 : undefined });
	return new ConnectorError(`${vendor} refused the message (${code})`, { vendor, kind: 'refused' });
}

/**
 * The mailer for Cloudflare Email Service: the Worker's `send_email` binding with the structured message form
 * (`send({ from, to, subject, text, html, replyTo, headers })`, answering `{ messageId }`).
 */
export function createCloudflareMailer(binding: SendEmail, sender: MailSender): Mailer {
	return {
		async send(input) {
			const parsed = emailMessageSchema.safeParse(input);
			if (!parsed.success) throw new ConnectorError('invalid e-mail message', { vendor, kind: 'refused', status: 422 });
			const message = parsed.data;
			let result: unknown;
			try {
				result = await binding.send({
					from: { email: sender.email, name: sender.name },
					to: message.to,
					subject: singleLine(message.subject, 998),
					text: message.text,
					...(message.html === undefined ? {} : { html: message.html }),
					...(sender.replyTo === undefined ? {} : { replyTo: sender.replyTo }),
					headers: standardHeaders(message),
				});
			} catch (error) {
				throw bindingFailure(error);
			}
			// The binding accepted the message: an unreadable answer does not make it unsent.
			return { messageId: sendResultSchema.safeParse(result).data?.messageId ?? 'unknown' };
		},
	};
}

/** Whether a Worker binding looks like a `send_email` binding; wrangler.toml declares it as `[[send_email]]`. */
export function isSendEmailBinding(value: unknown): value is SendEmail {
	// RPC stubs can be callable proxies, so `typeof` may say function.
	return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { send?: unknown }).send === 'function';
}
