import { type EmailMessage, emailMessageSchema } from '../../domain/email';
import { ConnectorError, retryAfterSeconds, temporaryFailure } from '../errors';
import { type ConnectorDeps, parseJson, postJsonToVendor, resolveFetch, type VendorResponse } from '../http';
import { formatMailbox, type Mailer, type MailSender, standardHeaders } from '../mailer';
import { singleLine } from '../text';
import { resendBaseUrl, type ResendConfigInput, resendConfigSchema } from './config';
import { resendErrorSchema, sentEmailSchema } from './payloads';

const vendor = 'Resend';

/** Resend refuses requests without a User-Agent (403, error 1010); Workers' fetch sends none of its own. */
const userAgent = 'shop-help-center';

/** 429s that waiting a second will not cure: the plan's quota is spent. */
const quotaErrors = new Set(['daily_quota_exceeded', 'monthly_quota_exceeded']);

/** The documented `POST /emails` body: sender as `Name <address>`, one recipient, text and HTML, reply-to, headers. */
export function resendEmailBody(message: EmailMessage, sender: MailSender) {
	return {
		from: formatMailbox(sender),
		to: [message.to],
		subject: singleLine(message.subject, 998),
		text: message.text,
		...(message.html === undefined ? {} : { html: message.html }),
		...(sender.replyTo === undefined ? {} : { reply_to: sender.replyTo }),
		headers: standardHeaders(message),
	};
}

function failure(response: VendorResponse): ConnectorError {
	const name = resendErrorSchema.safeParse(parseJson(response.text)).data?.name;
	const what = `HTTP ${response.status}${name ? ` ${name}` : ''}`;
	if (response.status === 429 && !quotaErrors.has(name ?? '')) {
		const wait = retryAfterSeconds(response.headers.get('Retry-After')) ?? retryAfterSeconds(response.headers.get('ratelimit-reset')) ?? 1;
		return temporaryFailure({ vendor, detail: 'rate limited', retryAfterSeconds: wait, status: 429 });
	}
	// The same Idempotency-Key is still being processed: its outcome will be known in a moment.
	if (response.status === 409 && name === 'concurrent_idempotent_requests') return temporaryFailure({ vendor, detail: what, retryAfterSeconds: 1, status: 409 });
	if (response.status >= 500) return temporaryFailure({ vendor, detail: what, status: response.status });
	return new ConnectorError(`${vendor} refused the message (${what})`, { vendor, kind: 'refused', status: response.status });
}

/**
 * The mailer for Resend's HTTP API. The message's reference is the `Idempotency-Key`, so a repeated call never
 * sends a second e-mail (Resend keeps keys for 24 hours). Rate limits and 5xx are retryable; a refused message
 * (400/401/403/422, spent quota) is not.
 */
export function createResendMailer(configInput: ResendConfigInput, deps?: ConnectorDeps): Mailer {
	const config = resendConfigSchema.parse(configInput);
	const fetchFn = resolveFetch(deps);
	const endpoint = `${resendBaseUrl(config)}/emails`;

	return {
		async send(input) {
			const parsed = emailMessageSchema.safeParse(input);
			if (!parsed.success) throw new ConnectorError('invalid e-mail message', { vendor, kind: 'refused', status: 422 });
			const message = parsed.data;
			const headers = { Authorization: `Bearer ${config.apiKey}`, 'User-Agent': userAgent, 'Idempotency-Key': message.reference };
			const response = await postJsonToVendor(vendor, fetchFn, endpoint, headers, resendEmailBody(message, config.sender), config.timeoutMs);
			if (response.status < 200 || response.status > 299) throw failure(response);
			// Accepted: an answer we cannot read does not make the e-mail unsent.
			return { messageId: sentEmailSchema.safeParse(parseJson(response.text)).data?.id ?? 'unknown' };
		},
	};
}
