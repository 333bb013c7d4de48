import type { EmailMessage } from '../../domain/email';
import type { Ticket } from '../../domain/ticket';
import type { HelpdeskConnector } from '../helpdesk';
import type { Mailer } from '../mailer';

/**
 * The local inbox: a D1 table standing in for the helpdesk and the mailbox, so the demo runs with no account
 * anywhere. `npm run inbox` lists it. Tickets are unique by reference, so a retried forward never doubles one.
 */
export function createLocalInbox(db: D1Database, now: () => number = Date.now): HelpdeskConnector & Mailer {
	return {
		async createTicket(ticket: Ticket) {
			await db
				.prepare(
					`INSERT INTO inbox (kind, external_id, recipient, sender, subject, body, tags, created_at)
					 VALUES ('ticket', ?1, NULL, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (external_id) DO NOTHING`,
				)
				.bind(ticket.reference, `${ticket.customer.name} <${ticket.customer.email}>`, ticket.subject, ticket.body, JSON.stringify(ticket.tags), now())
				.run();
			const row = await db.prepare('SELECT id FROM inbox WHERE external_id = ?1').bind(ticket.reference).first<{ id: number }>();
			return { helpdeskId: String(row?.id ?? ticket.reference) };
		},
		async send(message: EmailMessage) {
			const row = await db
				.prepare(`INSERT INTO inbox (kind, recipient, sender, subject, body, created_at) VALUES ('email', ?1, NULL, ?2, ?3, ?4) RETURNING id`)
				.bind(message.to, message.subject, message.text, now())
				.first<{ id: number }>();
			return { messageId: `inbox-${row?.id ?? 'unknown'}` };
		},
	};
}
