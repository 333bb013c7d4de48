import { Hono } from 'hono';
import { site } from '../../src/config/site';
import type { AppEnv } from '../context';
import type { Ticket } from '../domain/ticket';
import { readJson } from '../middleware/read-json';
import { ticketRequestSchema } from '../contract/requests';
import { contactConfirmationEmail } from '../services/confirmation-emails';
import { newReference } from '../services/crypto';
import { recordOutcome } from '../services/events';
import { readIdempotencyKey, runIdempotent } from '../services/idempotency';
import { normalizeEmail } from '../services/order-tokens';
import { enqueueForward, recordSubmission } from '../services/outbox';
import { enforceRateLimits } from '../services/rate-limit';
import { hashForKey } from '../services/rate-limit-keys';
import { ticketLimits } from '../services/rate-limit-rules';
import { getDataKey } from '../services/signing-key';
import { verifyTurnstile } from '../services/turnstile';

const hostname = new URL(site.siteUrl).hostname;

/** The contact form: every message becomes a helpdesk ticket, stored durably before we answer. */
export const tickets = new Hono<AppEnv>().post('/', async (c) => {
	const idempotencyKey = readIdempotencyKey(c.req.header('Idempotency-Key'), true);
	const body = await readJson(c, ticketRequestSchema);
	await verifyTurnstile(c.var.config, body.turnstileToken, c.var.clientIp, { hostname, action: 'contact' });
	const emailKey = await hashForKey(c.var.config, normalizeEmail(body.email));
	// Before the ledger: a client over its limit writes nothing but its counter.
	await enforceRateLimits(c.env.DB, ticketLimits(c.var.clientIp, emailKey), c.var.config.RATE_LIMIT_SCALE);
	const { turnstileToken: _token, ...fingerprint } = body;
	// Anyone may write to us, so the ledger binds the answer (a reference) to the message alone.
	const response = await runIdempotent(c.env.DB, { scope: 'tickets', key: idempotencyKey, requester: null }, fingerprint, async () => {
		const reference = newReference();
		// A filled honeypot means a bot: answer like a success, store nothing, forward nothing.
		if (body.website) return { status: 202, body: { reference, status: 'received' } };
		const ticket: Ticket = {
			reference,
			kind: 'contact',
			customer: { name: body.name, email: body.email },
			subject: body.subject,
			body: [
				body.message,
				'',
				'—',
				`Reference: ${reference}`,
				body.orderNumber ? `Order: ${body.orderNumber}` : null,
				body.page ? `Sent from: ${body.page}` : null,
				body.searches.length > 0 ? `Searched before writing: ${body.searches.join(' | ')}` : null,
			]
				.filter((line): line is string => line !== null)
				.join('\n'),
			locale: body.locale,
			tags: ['help-center', 'unverified', `locale-${body.locale}`],
			orderName: body.orderNumber ?? null,
		};
		const confirmation = contactConfirmationEmail({ reference, to: body.email, locale: body.locale });
		await recordSubmission(c.env.DB, await getDataKey(c.var.config, c.env.DB), { ticket, orderId: null, confirmation });
		await enqueueForward(c.env.FORWARD_QUEUE, reference);
		await recordOutcome(c.env.DB, 'ticket', body.locale);
		return { status: 202, body: { reference, status: 'received', replyWithinHours: site.contact.replyWithinHours } };
	});
	return c.json(response.body as object, response.status as 202);
});
