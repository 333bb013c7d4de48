import { ConnectorError, permanentFailure, retryAfterSeconds, temporaryFailure } from '../errors';
import { parseTicket, type HelpdeskConnector } from '../helpdesk';
import { basicAuth, callVendor, type ConnectorDeps, parseJson, postJsonToVendor, resolveFetch, type VendorResponse } from '../http';
import { gorgiasBaseUrl, type GorgiasConfigInput, gorgiasConfigSchema } from './config';
import { createdTicketSchema, ticketListSchema } from './payloads';
import { gorgiasTicketBody } from './ticket-body';

const vendor = 'Gorgias';

/** Gorgias refills 40 calls per 20 s; without a Retry-after we wait for a whole window. */
const defaultRateLimitWaitSeconds = 20;

/**
 * The helpdesk connector for Gorgias' REST API. Gorgias has no idempotency key, so every call first looks for
 * a ticket carrying our reference as `external_id` and only creates one when there is none: a retry after a
 * timeout or a crash finds the ticket the lost attempt created. (Two calls for the same reference at the same
 * moment could still both create; the forwarding queue runs one delivery per reference at a time.)
 */
export function createGorgiasHelpdesk(configInput: GorgiasConfigInput, deps?: ConnectorDeps): HelpdeskConnector {
	const config = gorgiasConfigSchema.parse(configInput);
	const fetchFn = resolveFetch(deps);
	const baseUrl = gorgiasBaseUrl(config);
	const headers = {
		Authorization: basicAuth(config.email, config.apiKey),
		Accept: 'application/json',
	};

	function failure(response: VendorResponse, what: string): ConnectorError {
		if (response.status === 429) {
			const wait = retryAfterSeconds(response.headers.get('Retry-After')) ?? defaultRateLimitWaitSeconds;
			return temporaryFailure({ vendor, detail: 'rate limited', retryAfterSeconds: wait, status: 429 });
		}
		if (response.status >= 500) return temporaryFailure({ vendor, detail: `${what} failed`, status: response.status });
		return permanentFailure({ vendor, status: response.status });
	}

	async function findByReference(reference: string): Promise<string | undefined> {
		const response = await callVendor(
			vendor,
			fetchFn,
			`${baseUrl}/api/tickets?${new URLSearchParams({ external_id: reference })}`,
			{ method: 'GET', headers },
			config.timeoutMs,
		);
		if (response.status !== 200) throw failure(response, 'ticket lookup');
		const list = ticketListSchema.safeParse(parseJson(response.text));
		if (!list.success) throw temporaryFailure({ vendor, detail: 'unexpected ticket list', status: response.status });
		// Compared here too, so a filter the API ignored can never hand us someone else's ticket.
		const match = list.data.data.find((candidate) => candidate.external_id === reference);
		return match ? String(match.id) : undefined;
	}

	return {
		async createTicket(input) {
			const ticket = parseTicket(input, vendor);
			const existing = await findByReference(ticket.reference);
			if (existing !== undefined) return { helpdeskId: existing };

			const response = await postJsonToVendor(vendor, fetchFn, `${baseUrl}/api/tickets`, headers, gorgiasTicketBody(ticket, config), config.timeoutMs);
			if (response.status === 409) {
				// "Identifier already in use": someone created it meanwhile.
				const created = await findByReference(ticket.reference);
				if (created !== undefined) return { helpdeskId: created };
				throw temporaryFailure({ vendor, detail: 'conflict without a ticket', status: 409 });
			}
			if (response.status < 200 || response.status > 299) throw failure(response, 'ticket creation');
			const created = createdTicketSchema.safeParse(parseJson(response.text));
			// The ticket may exist: a retry looks it up before creating anything.
			if (!created.success) throw temporaryFailure({ vendor, detail: 'unexpected ticket response', status: response.status });
			return { helpdeskId: String(created.data.id) };
		},
	};
}
