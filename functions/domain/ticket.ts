import { z } from 'zod';

/** A ticket to open in the helpdesk, already validated and free of markup. */
export const ticketSchema = z.object({
	/** Our id: the helpdesk's external id / idempotency key, so a retry never opens a second ticket. */
	reference: z.string().min(1).max(64),
	kind: z.enum(['contact', 'return', 'address_change']),
	customer: z.object({ name: z.string(), email: z.string() }),
	subject: z.string(),
	/** Plain text; connectors escape it where a vendor wants HTML. */
	body: z.string(),
	locale: z.string(),
	tags: z.array(z.string()),
	orderName: z.string().nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;
