import { z } from 'zod';

/** The created ticket: only its id matters to us. */
export const createdTicketSchema = z.object({ id: z.number().int().positive() });

/** `GET /api/tickets?external_id=…`: a cursor-paginated list. */
export const ticketListSchema = z.object({
	data: z.array(z.object({ id: z.number().int().positive(), external_id: z.string().nullable().optional() })),
});
