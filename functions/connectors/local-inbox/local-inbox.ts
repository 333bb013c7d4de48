import type { EmailMessage } from '../../domain/email';
import type { Ticket } from '../../domain/ticket';
import type { HelpdeskConnector } from '../helpdesk';
import type { Mailer } from '../mailer';

/**
 * The local inbox: a D1 table standing in for the helpdesk and the mailbox, so the demo runs with no account
 * anywhere. `npm run inbox` lists it. Tickets and e-mails are unique by reference, so a retried forward or send never doubles one.
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
		// Like Resend's Idempotency-Key, the message's reference makes a repeated send a no-op.
		async send(message: EmailMessage) {
			await db
				.prepare(
					`INSERT INTO inbox (kind, external_id, recipient, sender, subject, body, created_at) VALUES ('email', ?1, ?2, NULL, ?3, ?4, ?5)
					 ON CONFLICT (external_id) DO NOTHING`,
				)
				.bind(message.reference, message.to, message.subject, message.text, now())
				.run();
			const row = await db.prepare('SELECT id FROM inbox WHERE external_id = ?1').bind(message.reference).first<{ id: number }>();
			return { messageId: `inbox-${row?.id ?? 'unknown'}` };
		},
	};
}
