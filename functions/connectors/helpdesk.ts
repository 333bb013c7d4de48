import type { Ticket } from '../domain/ticket';

/** Where tickets go. Implementations: the local inbox (D1), Gorgias, Zendesk. */
export interface HelpdeskConnector {
	/**
	 * Opens the ticket, at most once per `ticket.reference` even when called again after a timeout or a crash.
	 * Throws a ConnectorError; `retryable` says whether to try again.
	 */
	createTicket(ticket: Ticket): Promise<{ helpdeskId: string }>;
}
