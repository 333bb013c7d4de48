import { z } from 'zod';

/**
 * Zod schemas of Shopify's answers, field for field what the documents select. Enums are read as strings:
 * Shopify adds values between versions, and an unknown value must not make an order unreadable.
 */

const dateTime = z.iso.datetime({ offset: true });

/** The envelope of every GraphQL answer (HTTP 200, and 429 when throttled). */
export const graphqlEnvelopeSchema = z.object({
	data: z.unknown().optional(),
	errors: z
		.array(z.object({ message: z.string().optional(), extensions: z.object({ code: z.string().optional() }).optional() }))
		.optional(),
	extensions: z
		.object({
			cost: z
				.object({
					requestedQueryCost: z.number().optional(),
					throttleStatus: z
						.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() })
						.optional(),
				})
				.optional(),
		})
		.optional(),
});
export type GraphqlEnvelope = z.infer<typeof graphqlEnvelopeSchema>;

const mailingAddressSchema = z.object({
	firstName: z.string().nullable(),
	lastName: z.string().nullable(),
	address1: z.string().nullable(),
	address2: z.string().nullable(),
	city: z.string().nullable(),
	provinceCode: z.string().nullable(),
	zip: z.string().nullable(),
	countryCodeV2: z.string().nullable(),
	phone: z.string().nullable(),
});

const shopifyLineItemSchema = z.object({
	id: z.string(),
	title: z.string(),
	variantTitle: z.string().nullable(),
	sku: z.string().nullable(),
	quantity: z.number().int().nonnegative(),
	customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
	product: z.object({ tags: z.array(z.string()) }).nullable(),
	discountedUnitPriceAfterAllDiscountsSet: z.object({ presentmentMoney: z.object({ amount: z.string(), currencyCode: z.string() }) }),
	image: z.object({ url: z.string(), altText: z.string().nullable() }).nullable(),
});
export type ShopifyLineItem = z.infer<typeof shopifyLineItemSchema>;

const shopifyFulfillmentSchema = z.object({
	id: z.string(),
	status: z.string(),
	displayStatus: z.string().nullable(),
	createdAt: dateTime,
	inTransitAt: dateTime.nullable(),
	deliveredAt: dateTime.nullable(),
	trackingInfo: z.array(z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() })),
	fulfillmentLineItems: z.object({
		nodes: z.array(z.object({ id: z.string(), quantity: z.number().int(), lineItem: z.object({ id: z.string() }) })),
	}),
});
export type ShopifyFulfillment = z.infer<typeof shopifyFulfillmentSchema>;

const shopifyReturnSchema = z.object({
	status: z.string(),
	returnLineItems: z.object({
		nodes: z.array(
			z.object({
				quantity: z.number().int(),
				// Absent on unverified return line items, which are not tied to a fulfilled unit.
				fulfillmentLineItem: z.object({ id: z.string() }).optional(),
			}),
		),
	}),
});

export const shopifyOrderSchema = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().nullable(),
	createdAt: dateTime,
	processedAt: dateTime.nullable(),
	cancelledAt: dateTime.nullable(),
	displayFinancialStatus: z.string().nullable(),
	displayFulfillmentStatus: z.string(),
	shippingAddress: mailingAddressSchema.nullable(),
	lineItems: z.object({ nodes: z.array(shopifyLineItemSchema) }),
	fulfillments: z.array(shopifyFulfillmentSchema),
	returns: z.object({ nodes: z.array(shopifyReturnSchema) }),
});
export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

export const orderDetailSchema = z.object({ order: shopifyOrderSchema.nullable() });

export const exchangeOptionsSchema = z.object({
	order: z
		.object({
			lineItems: z.object({
				nodes: z.array(
					z.object({
						id: z.string(),
						variant: z.object({ selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })) }).nullable(),
						product: z.object({ options: z.array(z.object({ name: z.string(), optionValues: z.array(z.object({ name: z.string() })) })) }).nullable(),
					}),
				),
			}),
		})
		.nullable(),
});

export const orderLookupSchema = z.object({ orders: z.object({ nodes: z.array(shopifyOrderSchema) }) });

export const orderChangeabilitySchema = z.object({
	order: z
		.object({
			id: z.string(),
			cancelledAt: dateTime.nullable(),
			displayFulfillmentStatus: z.string(),
			fulfillmentOrders: z.object({ nodes: z.array(z.object({ status: z.string(), requestStatus: z.string() })) }),
		})
		.nullable(),
});

export const returnableFulfillmentsSchema = z.object({
	returnableFulfillments: z.object({
		edges: z.array(
			z.object({
				node: z.object({
					id: z.string(),
					fulfillment: z.object({ id: z.string() }),
					returnableFulfillmentLineItems: z.object({
						edges: z.array(
							z.object({ node: z.object({ fulfillmentLineItem: z.object({ id: z.string() }), quantity: z.number().int() }) }),
						),
					}),
				}),
			}),
		),
	}),
});

export const returnReasonDefinitionsSchema = z.object({
	returnReasonDefinitions: z.object({
		nodes: z.array(z.object({ id: z.string(), handle: z.string(), deleted: z.boolean() })),
	}),
});

const userErrorsSchema = z.array(
	z.object({ field: z.array(z.string()).nullable().optional(), message: z.string(), code: z.string().nullable().optional() }),
);

export const returnRequestSchema = z.object({
	returnRequest: z
		.object({ return: z.object({ id: z.string(), status: z.string() }).nullable(), userErrors: userErrorsSchema })
		.nullable(),
});

export const orderUpdateSchema = z.object({
	orderUpdate: z
		.object({
			order: z
				.object({
					id: z.string(),
					shippingAddress: mailingAddressSchema.omit({ firstName: true, lastName: true, phone: true }).nullable(),
				})
				.nullable(),
			userErrors: userErrorsSchema,
		})
		.nullable(),
});

export const accessTokenSchema = z.object({
	access_token: z.string().min(1),
	scope: z.string().optional(),
	expires_in: z.number().positive().optional(),
});
