import { ticketSchema, type Ticket } from '../domain/ticket';
import { ConnectorError } from './errors';
import { referencePattern } from './text';

/** Where tickets go. Implementations: the local inbox (D1), Gorgias, Zendesk. */
export interface HelpdeskConnector {
	/**
	 * Opens the ticket, at most once per `ticket.reference` even when called again after a timeout or a crash.
	 * Throws a ConnectorError; `retryable` says whether to try again.
	 */
	createTicket(ticket: Ticket): Promise<{ helpdeskId: string }>;
}

/** The ticket a helpdesk connector was handed, checked before anything reaches the vendor; refused when invalid. */
export function parseTicket(input: Ticket, vendor: string): Ticket {
	const parsed = ticketSchema.safeParse(input);
	if (!parsed.success || !referencePattern.test(parsed.data.reference)) {
		throw new ConnectorError('invalid ticket', { vendor, kind: 'refused', status: 422 });
	}
	return parsed.data;
}
