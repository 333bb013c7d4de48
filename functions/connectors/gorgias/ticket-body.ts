import type { Ticket } from '../../domain/ticket';
import { plainText, singleLine, textToHtml } from '../text';
import type { GorgiasConfig } from './config';

/** Gorgias caps `external_id` and tag names at 255 characters. */
const fieldMax = 255;

/**
 * The `POST /api/tickets` body for one of our tickets: an incoming message from the shopper, with channel,
 * `via` and `from_agent` at ticket and message level as Gorgias requires, our reference as `external_id`,
 * one-line subject and name (no CR/LF can reach e-mail headers) and HTML built only from escaped text.
 * Tags use the shape of the ticket object's `tags` (`[{ name }]`).
 */
export function gorgiasTicketBody(ticket: Ticket, config: GorgiasConfig) {
	const name = singleLine(ticket.customer.name, 100);
	const email = singleLine(ticket.customer.email, 254);
	const subject = singleLine(ticket.subject, 998) || '(no subject)';
	const text = plainText(ticket.body);
	const language = /^[a-z]{2}\b/i.exec(ticket.locale)?.[0]?.toLowerCase();
	const tags = [...new Set(ticket.tags.map((tag) => singleLine(tag, fieldMax)).filter((tag) => tag.length > 0))];

	const source =
		config.channel === 'email'
			? {
					source: {
						type: 'email',
						from: { name, address: email },
						to: [{ name: singleLine(config.supportName, 100), address: config.supportAddress }],
					},
				}
			: {};

	return {
		channel: config.channel,
		via: 'api',
		from_agent: false,
		customer: { email, name },
		external_id: ticket.reference,
		...(language ? { language } : {}),
		...(tags.length > 0 ? { tags: tags.map((tag) => ({ name: tag })) } : {}),
		messages: [
			{
				channel: config.channel,
				via: 'api',
				from_agent: false,
				sender: { email },
				...source,
				subject,
				body_text: text,
				body_html: textToHtml(text),
			},
		],
	};
}
