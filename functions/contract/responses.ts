import { z } from 'zod';
import { addressSchema, moneySchema, productOptionSchema, type Address } from '../domain/order';

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
			/** One unit as paid (minor units), null when the shop does not say. */
			unitPrice: moneySchema.nullable(),
			image: z.object({ url: z.string(), alt: z.string().nullable() }).nullable(),
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

/** A view or change token and when it stops working. */
const orderTokenSchema = z.object({ value: z.string(), expiresAt: z.string() });

/** `POST /api/orders/lookup`: the order as a shopper may see it, and a token to act on it. */
export const lookupResponseSchema = z.object({ order: orderSummarySchema, token: orderTokenSchema });
export type LookupResponse = z.infer<typeof lookupResponseSchema>;

/** `POST /api/orders/verify/code` (202): where the one-time code went, half hidden. */
export const codeSentResponseSchema = z.object({ status: z.literal('code_sent'), sentTo: z.string(), expiresAt: z.string() });
export type CodeSentResponse = z.infer<typeof codeSentResponseSchema>;

/**
 * `POST /api/orders/verify`: the mailbox is the shopper's, so the full address is shown, to be corrected; for a
 * return, the sizes and colours each item could be exchanged for (by line item id; absent when the shop has none).
 */
export const verifiedResponseSchema = z.object({
	token: orderTokenSchema,
	shippingAddress: addressSchema.nullable(),
	exchangeOptions: z.record(z.string(), z.array(productOptionSchema)).optional(),
});
export type VerifiedResponse = z.infer<typeof verifiedResponseSchema>;
export type { Address };

/** `POST /api/orders/{id}/returns` (201): `received` when the shop could not record it and an agent will. */
export const returnCreatedResponseSchema = z.object({
	reference: z.string(),
	status: z.enum(['requested', 'received']),
	items: z.array(z.object({ lineItemId: z.string(), quantity: z.number(), reasonId: z.string(), exchangeFor: z.string().nullable() })),
	resolution: z.enum(['refund', 'exchange', 'store_credit']),
	/** What the shopper gets back: the items' prices, the label fee taken off, the total (see refund-estimate.ts). */
	refund: z.object({ items: moneySchema.nullable(), labelFee: moneySchema.nullable(), total: moneySchema.nullable() }),
	/** The prepaid label, when the shop made one at once. */
	labelUrl: z.string().nullable(),
	/** Where the confirmation e-mail goes, half hidden. */
	confirmationTo: z.string(),
	nextSteps: z.array(z.string()),
});
export type ReturnCreatedResponse = z.infer<typeof returnCreatedResponseSchema>;

/** `POST /api/orders/{id}/address`: `received` when the shop could not apply it and an agent will. */
export const addressChangedResponseSchema = z.object({
	reference: z.string(),
	status: z.enum(['updated', 'received']),
	address: addressSchema,
	/** Where the confirmation e-mail goes, half hidden. */
	confirmationTo: z.string(),
});
export type AddressChangedResponse = z.infer<typeof addressChangedResponseSchema>;

/** `POST /api/tickets` (202): the reference to quote, and when to expect a reply. */
export const ticketReceivedResponseSchema = z.object({ reference: z.string(), status: z.literal('received'), replyWithinHours: z.number().optional() });
export type TicketReceivedResponse = z.infer<typeof ticketReceivedResponseSchema>;

/** A page of the help center: its address and title. */
const pageLinkSchema = z.object({ url: z.string(), title: z.string() });

/**
 * `POST /api/answer`, one of:
 * - `answer`: `text` is a passage of an article, word for word (or, when a model is configured, its answer, shown
 *   only once every sentence was checked against the passages); `sources[0]` is where it comes from, with the
 *   section's `#anchor`; `heading` the section or FAQ question, `updated` the article's date;
 * - `self-service`: the question is about the shopper's own order: `url` is the page that acts on it;
 * - `none`: nothing in the help center answers it; `related` are the closest articles, if any.
 * Each carries `contactUrl`, the way to a person.
 */
export const answerResponseSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('answer'),
		text: z.string(),
		sources: z.array(pageLinkSchema).min(1),
		heading: z.string().optional(),
		updated: z.string(),
		generated: z.boolean(),
		contactUrl: z.string(),
	}),
	z.object({
		kind: z.literal('self-service'),
		action: z.enum(['track', 'return', 'address', 'contact']),
		url: z.string(),
		title: z.string(),
		contactUrl: z.string(),
	}),
	z.object({ kind: z.literal('none'), contactUrl: z.string(), related: z.array(pageLinkSchema) }),
]);
export type AnswerResponse = z.infer<typeof answerResponseSchema>;
