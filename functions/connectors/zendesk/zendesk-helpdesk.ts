import { z } from 'zod';
import type { Ticket } from '../../domain/ticket';
import { permanentFailure, retryAfterSeconds, temporaryFailure } from '../errors';
import { parseTicket, type HelpdeskConnector } from '../helpdesk';
import { basicAuth, type ConnectorDeps, parseJson, postJsonToVendor, resolveFetch } from '../http';
import { plainText, singleLine } from '../text';
import { zendeskBaseUrl, type ZendeskConfigInput, zendeskConfigSchema } from './config';

const vendor = 'Zendesk';

/** The 201 answer (and its replay for a known Idempotency-Key). */
const createdTicketSchema = z.object({ ticket: z.object({ id: z.number().int().positive() }) });

/** Zendesk limits are per minute; a 429 without Retry-After waits for the next minute. */
const defaultRateLimitWaitSeconds = 60;

/** Zendesk tags are single words: whitespace would split one tag into several. */
function zendeskTag(tag: string): string {
	return singleLine(tag, 80).toLowerCase().replace(/\s+/g, '_');
}

/** The documented `POST /api/v2/tickets.json` body: subject, first comment, requester, tags, our id. */
export function zendeskTicketBody(ticket: Ticket) {
	return {
		ticket: {
			subject: singleLine(ticket.subject, 255) || '(no subject)',
			comment: { body: plainText(ticket.body) },
			requester: { name: singleLine(ticket.customer.name, 255), email: singleLine(ticket.customer.email, 254) },
			tags: [...new Set(ticket.tags.map(zendeskTag).filter((tag) => tag.length > 0))],
			external_id: ticket.reference,
		},
	};
}

/**
 * The helpdesk connector for Zendesk's Ticketing API, with an agent API token. Our reference is the
 * `Idempotency-Key`, so a retry after a timeout gets the ticket the lost attempt created. Rate limits (429)
 * are retryable after Retry-After, or a minute without one; a 409 (the same key still being processed) is
 * retryable too.
 */
export function createZendeskHelpdesk(configInput: ZendeskConfigInput, deps?: ConnectorDeps): HelpdeskConnector {
	const config = zendeskConfigSchema.parse(configInput);
	const fetchFn = resolveFetch(deps);
	const endpoint = `${zendeskBaseUrl(config)}/api/v2/tickets.json`;
	const authorization = basicAuth(`${config.email}/token`, config.apiToken);

	return {
		async createTicket(input) {
			const ticket = parseTicket(input, vendor);
			const headers = { Authorization: authorization, 'Idempotency-Key': ticket.reference };
			const response = await postJsonToVendor(vendor, fetchFn, endpoint, headers, zendeskTicketBody(ticket), config.timeoutMs);
			if (response.status === 429) {
				const wait = retryAfterSeconds(response.headers.get('Retry-After')) ?? defaultRateLimitWaitSeconds;
				throw temporaryFailure({ vendor, detail: 'rate limited', retryAfterSeconds: wait, status: 429 });
			}
			if (response.status === 409) throw temporaryFailure({ vendor, detail: 'the same request is still in progress', retryAfterSeconds: 1, status: 409 });
			if (response.status >= 500) throw temporaryFailure({ vendor, detail: 'ticket creation failed', status: response.status });
			if (response.status !== 201 && response.status !== 200) throw permanentFailure({ vendor, status: response.status });
			const created = createdTicketSchema.safeParse(parseJson(response.text));
			// The ticket may exist: the retry carries the same Idempotency-Key.
			if (!created.success) throw temporaryFailure({ vendor, detail: 'unexpected ticket response', status: response.status });
			return { helpdeskId: String(created.data.ticket.id) };
		},
	};
}
