import { z } from 'zod';

/** An ISO 3166-1 alpha-2 country code, for example "FR". */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

export const addressSchema = z.object({
	firstName: z.string(),
	lastName: z.string(),
	address1: z.string(),
	address2: z.string().nullable(),
	city: z.string(),
	province: z.string().nullable(),
	postalCode: z.string(),
	countryCode: countryCodeSchema,
	phone: z.string().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

/** An amount in the currency's minor unit (cents), and its ISO 4217 code. */
export const moneySchema = z.object({ amount: z.number().int().nonnegative(), currencyCode: z.string().regex(/^[A-Z]{3}$/) });

/** A choice a product offers ("Size": S, M, L) and the value this line item has. */
export type Money = z.infer<typeof moneySchema>;

export const productOptionSchema = z.object({ name: z.string(), values: z.array(z.string()), selected: z.string().nullable() });
export type ProductOption = z.infer<typeof productOptionSchema>;

export const lineItemSchema = z.object({
	id: z.string(),
	title: z.string(),
	variantTitle: z.string().nullable(),
	sku: z.string().nullable(),
	quantity: z.number().int().nonnegative(),
	/** Final-sale items cannot be returned. */
	finalSale: z.boolean(),
	/** What one unit cost the shopper, after discounts, in the currency they paid in; null when the shop does not say. */
	unitPrice: moneySchema.nullable(),
	/** The product's picture: an https address, or a path of the help center (the demo shop). */
	image: z.object({ url: z.string(), alt: z.string().nullable() }).nullable(),
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const parcelStatusSchema = z.enum(['label_created', 'in_transit', 'out_for_delivery', 'attempted_delivery', 'delivered', 'failure']);
export type ParcelStatus = z.infer<typeof parcelStatusSchema>;

export const fulfillmentSchema = z.object({
	id: z.string(),
	status: parcelStatusSchema,
	createdAt: z.iso.datetime({ offset: true }),
	inTransitAt: z.iso.datetime({ offset: true }).nullable(),
	deliveredAt: z.iso.datetime({ offset: true }).nullable(),
	tracking: z.array(z.object({ carrier: z.string().nullable(), number: z.string(), url: z.url().nullable() })),
	/** What this parcel holds; `fulfillmentLineItemId` is the shop's id for returning it. */
	lineItems: z.array(z.object({ lineItemId: z.string(), fulfillmentLineItemId: z.string(), quantity: z.number().int().positive() })),
});
export type Fulfillment = z.infer<typeof fulfillmentSchema>;

export const financialStatusSchema = z.enum(['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'voided']);
export const fulfillmentStatusSchema = z.enum(['unfulfilled', 'in_progress', 'on_hold', 'partially_fulfilled', 'fulfilled']);

/** An order as the help center sees it, whatever shop it comes from. Vendor payloads never go past connectors. */
export const orderSchema = z.object({
	id: z.string(),
	/** The number shoppers know, for example "#1001". */
	name: z.string(),
	/** The order's e-mail address; without one, nobody can prove the order is theirs. */
	email: z.string().nullable(),
	createdAt: z.iso.datetime({ offset: true }),
	processedAt: z.iso.datetime({ offset: true }).nullable(),
	cancelledAt: z.iso.datetime({ offset: true }).nullable(),
	financialStatus: financialStatusSchema,
	fulfillmentStatus: fulfillmentStatusSchema,
	shippingAddress: addressSchema.nullable(),
	lineItems: z.array(lineItemSchema),
	fulfillments: z.array(fulfillmentSchema),
	/** Quantities already returned or requested for return, per line item id. */
	returnedQuantities: z.record(z.string(), z.number().int().nonnegative()),
});
export type Order = z.infer<typeof orderSchema>;
