import { z } from 'zod';
import { optionalEnv } from './env';
import type { EmailMessage } from '../domain/email';

/**
 * Sends e-mail to shoppers (one-time codes). Implementations: the local inbox (demo mode), Cloudflare Email
 * Service, Resend. Throws a ConnectorError when the message could not be handed over; `retryable` says whether
 * trying again later can help.
 */
export interface Mailer {
	send(message: EmailMessage): Promise<{ messageId: string }>;
}

const controlChars = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

const senderName = z
	.string()
	.trim()
	.min(1)
	.max(100)
	.refine((value) => !controlChars.test(value), 'no control characters');

/** Who e-mails come from: an address of a domain set up with the mail service, and the name shoppers see. */
export const mailSenderSchema = z.object({
	email: z.email(),
	name: senderName,
	/** Where replies go, for example the support address, when nobody reads the sender address. */
	replyTo: z.email().optional(),
});
export type MailSender = z.output<typeof mailSenderSchema>;

/**
 * Reads the sender from Worker variables: `MAIL_FROM` (required), optional `MAIL_FROM_NAME` (defaults to
 * `defaultName`, the brand) and `MAIL_REPLY_TO`.
 */
export function mailSenderEnvSchema(defaultName: string) {
	return z
		.object({
			MAIL_FROM: z.string().trim().pipe(mailSenderSchema.shape.email),
			MAIL_FROM_NAME: optionalEnv.transform((value) => value ?? defaultName).pipe(senderName),
			MAIL_REPLY_TO: optionalEnv.pipe(mailSenderSchema.shape.replyTo),
		})
		.transform((env): MailSender => ({ email: env.MAIL_FROM, name: env.MAIL_FROM_NAME, replyTo: env.MAIL_REPLY_TO }));
}

/**
 * Headers every message carries: `Auto-Submitted` so out-of-office robots do not answer a code (RFC 3834), and
 * the language of the content for screen readers and mail clients (RFC 3282). Both are on Cloudflare's allow-list.
 */
export function standardHeaders(message: EmailMessage): Record<string, string> {
	return { 'Auto-Submitted': 'auto-generated', 'Content-Language': message.locale };
}

/** RFC 5322 `specials`: a display name holding one of them must be quoted. */
const specials = /[()<>[\]:;@\\,."]/;

/** `Name <address>`, the name quoted when RFC 5322 requires it ("Alder & Pine Co." has a dot). */
export function formatMailbox(sender: { email: string; name: string }): string {
	const name = specials.test(sender.name) ? `"${sender.name.replace(/["\\]/g, (char) => `\\${char}`)}"` : sender.name;
	return `${name} <${sender.email}>`;
}
