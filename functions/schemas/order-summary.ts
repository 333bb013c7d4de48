import { z } from 'zod';

const reasonSchema = z.object({ code: z.string(), message: z.string() }).catchall(z.union([z.number(), z.string()]));

const availabilitySchema = z.object({ available: z.boolean(), reason: reasonSchema.nullable() });

/** What a shopper sees of an order after a lookup: no full address, no payment details. */
export const orderSummarySchema = z.object({
	id: z.string(),
	name: z.string(),
	placedAt: z.string(),
	status: z.enum(['processing', 'partially_shipped', 'in_transit', 'delivered', 'cancelled', 'refunded']),
	timeline: z.array(
		z.object({ step: z.enum(['placed', 'paid', 'fulfilled', 'in_transit', 'delivered']), at: z.string().nullable(), done: z.boolean() }),
	),
	items: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			variantTitle: z.string().nullable(),
			quantity: z.number(),
			finalSale: z.boolean(),
			returnableQuantity: z.number(),
			reason: reasonSchema.nullable(),
		}),
	),
	parcels: z.array(
		z.object({
			status: z.string(),
			carrier: z.string().nullable(),
			trackingNumber: z.string(),
			trackingUrl: z.string().nullable(),
			deliveredAt: z.string().nullable(),
		}),
	),
	/** City and country only, until the shopper proves the mailbox is theirs. */
	shippingAddress: z.object({ city: z.string(), countryCode: z.string() }).nullable(),
	actions: z.object({ return: availabilitySchema, changeAddress: availabilitySchema }),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;
