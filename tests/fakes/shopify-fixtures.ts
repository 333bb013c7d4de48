/**
 * Orders of the fake Shopify store, in the shape of the Admin GraphQL API 2026-10 (connections as `{ nodes }`).
 * Together they cover what the connector maps: every fulfillment state, final-sale items marked both ways,
 * tracking, earlier returns, fulfillment orders already sent to a warehouse, cancellation and a missing e-mail.
 */

export interface FakeLineItem {
	id: string;
	title: string;
	variantTitle: string | null;
	sku: string | null;
	quantity: number;
	customAttributes: { key: string; value: string | null }[];
	product: { tags: string[]; options: { name: string; optionValues: { name: string }[] }[] } | null;
	discountedUnitPriceAfterAllDiscountsSet: { presentmentMoney: { amount: string; currencyCode: string }; shopMoney: { amount: string; currencyCode: string } };
	image: { url: string; altText: string | null } | null;
	variant: { selectedOptions: { name: string; value: string }[] } | null;
}

export interface FakeFulfillmentLineItem {
	id: string;
	quantity: number;
	lineItem: { id: string };
}

export interface FakeFulfillment {
	id: string;
	status: string;
	displayStatus: string | null;
	createdAt: string;
	inTransitAt: string | null;
	deliveredAt: string | null;
	trackingInfo: { company: string | null; number: string | null; url: string | null }[];
	fulfillmentLineItems: { nodes: FakeFulfillmentLineItem[] };
}

export interface FakeReturnLineItem {
	__typename: 'ReturnLineItem';
	id: string;
	quantity: number;
	customerNote: string | null;
	returnReasonDefinition: { id: string; handle: string } | null;
	fulfillmentLineItem: { id: string; lineItem: { id: string } };
}

export interface FakeReturn {
	id: string;
	status: string;
	returnLineItems: { nodes: FakeReturnLineItem[] };
}

export interface FakeMailingAddress {
	firstName: string | null;
	lastName: string | null;
	address1: string | null;
	address2: string | null;
	city: string | null;
	province: string | null;
	provinceCode: string | null;
	zip: string | null;
	country: string | null;
	countryCodeV2: string | null;
	phone: string | null;
}

export interface FakeOrder {
	id: string;
	name: string;
	email: string | null;
	statusPageUrl: string;
	createdAt: string;
	processedAt: string | null;
	cancelledAt: string | null;
	displayFinancialStatus: string | null;
	displayFulfillmentStatus: string;
	shippingAddress: FakeMailingAddress | null;
	lineItems: { nodes: FakeLineItem[] };
	fulfillments: FakeFulfillment[];
	fulfillmentOrders: { nodes: { status: string; requestStatus: string }[] };
	returns: { nodes: FakeReturn[] };
}

export interface FakeReturnReason {
	id: string;
	handle: string;
	name: string;
	deleted: boolean;
}

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

function address(overrides: Partial<FakeMailingAddress> = {}): FakeMailingAddress {
	return {
		firstName: 'Jane',
		lastName: 'Doe',
		address1: '12 rue des Lilas',
		address2: null,
		city: 'Lyon',
		province: null,
		provinceCode: null,
		zip: '69003',
		country: 'France',
		countryCodeV2: 'FR',
		phone: null,
		...overrides,
	};
}

/** A product sold in sizes S, M and L; `tags` are its product tags. */
const sized = (tags: string[] = []) => ({ tags, options: [{ name: 'Size', optionValues: [{ name: 'S' }, { name: 'M' }, { name: 'L' }] }] });

/** An amount paid in euros (presentment) by a shop that books in euros too. */
const euros = (amount: string) => ({ presentmentMoney: { amount, currencyCode: 'EUR' }, shopMoney: { amount, currencyCode: 'EUR' } });

function lineItem(id: number, title: string, quantity: number, extra: Partial<FakeLineItem> = {}): FakeLineItem {
	return {
		id: gid('LineItem', id),
		title,
		variantTitle: 'M',
		sku: `SKU-${id}`,
		quantity,
		customAttributes: [],
		product: sized(),
		discountedUnitPriceAfterAllDiscountsSet: euros('49.50'),
		image: { url: `https://cdn.shopify.com/s/files/1/0001/products/item-${id}.jpg`, altText: `${title}, front` },
		variant: { selectedOptions: [{ name: 'Size', value: 'M' }] },
		...extra,
	};
}

function order(number: number, overrides: Partial<FakeOrder>): FakeOrder {
	return {
		id: gid('Order', number * 10),
		name: `#${number}`,
		email: 'jane.doe@example.com',
		statusPageUrl: `https://alder-pine.example/orders/${number}`,
		createdAt: '2026-11-02T09:15:00Z',
		processedAt: '2026-11-02T09:15:02Z',
		cancelledAt: null,
		displayFinancialStatus: 'PAID',
		displayFulfillmentStatus: 'UNFULFILLED',
		shippingAddress: address(),
		lineItems: { nodes: [] },
		fulfillments: [],
		fulfillmentOrders: { nodes: [{ status: 'OPEN', requestStatus: 'UNSUBMITTED' }] },
		returns: { nodes: [] },
		...overrides,
	};
}

/** A fresh copy of the store's orders (the fake changes them). */
export function fixtureOrders(): FakeOrder[] {
	return [
		// Delivered, with a final-sale product (tag, any case), a final-sale line item property, one shirt already
		// asked back and a declined return that gives nothing back.
		order(1001, {
			displayFulfillmentStatus: 'FULFILLED',
			lineItems: {
				nodes: [
					lineItem(11, 'Linen shirt', 2, { product: sized(['summer', 'linen']), discountedUnitPriceAfterAllDiscountsSet: euros('59.0') }),
					lineItem(12, 'Wool scarf', 1, {
						variantTitle: null,
						product: { tags: ['Final-Sale'], options: [{ name: 'Title', optionValues: [{ name: 'Default Title' }] }] },
						variant: { selectedOptions: [{ name: 'Title', value: 'Default Title' }] },
						// Pictures served over plain HTTP are never shown.
						image: { url: 'http://images.example/scarf.jpg', altText: null },
					}),
					lineItem(13, 'Merino socks', 1, {
						customAttributes: [
							{ key: '_final_sale', value: 'true' },
							{ key: 'gift', value: 'no' },
						],
					}),
				],
			},
			fulfillments: [
				{
					id: gid('Fulfillment', 101),
					status: 'SUCCESS',
					displayStatus: 'DELIVERED',
					createdAt: '2026-11-03T10:00:00Z',
					inTransitAt: '2026-11-03T16:00:00Z',
					deliveredAt: '2026-11-05T11:30:00Z',
					trackingInfo: [
						{
							company: 'Colissimo',
							number: '6A12345678901',
							url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
						},
					],
					fulfillmentLineItems: {
						nodes: [
							{ id: gid('FulfillmentLineItem', 1011), quantity: 2, lineItem: { id: gid('LineItem', 11) } },
							{ id: gid('FulfillmentLineItem', 1012), quantity: 1, lineItem: { id: gid('LineItem', 12) } },
							{ id: gid('FulfillmentLineItem', 1013), quantity: 1, lineItem: { id: gid('LineItem', 13) } },
						],
					},
				},
			],
			fulfillmentOrders: { nodes: [{ status: 'CLOSED', requestStatus: 'UNSUBMITTED' }] },
			returns: {
				nodes: [
					{
						id: gid('Return', 501),
						status: 'REQUESTED',
						returnLineItems: {
							nodes: [
								{
									__typename: 'ReturnLineItem',
									id: gid('ReturnLineItem', 5011),
									quantity: 1,
									customerNote: null,
									returnReasonDefinition: null,
									fulfillmentLineItem: { id: gid('FulfillmentLineItem', 1011), lineItem: { id: gid('LineItem', 11) } },
								},
							],
						},
					},
					{
						id: gid('Return', 502),
						status: 'DECLINED',
						returnLineItems: {
							nodes: [
								{
									__typename: 'ReturnLineItem',
									id: gid('ReturnLineItem', 5021),
									quantity: 1,
									customerNote: null,
									returnReasonDefinition: null,
									fulfillmentLineItem: { id: gid('FulfillmentLineItem', 1013), lineItem: { id: gid('LineItem', 13) } },
								},
							],
						},
					},
				],
			},
		}),
		// Shares the prefix #1001: a prefix search for #1001 finds both.
		order(10010, { lineItems: { nodes: [lineItem(21, 'Canvas tote', 1)] } }),
		// Unfulfilled and untouched: the address can change.
		order(1002, {
			lineItems: { nodes: [lineItem(31, 'Rain jacket', 1)] },
			shippingAddress: address({ address1: '3 quai Saint-Antoine', zip: '69002', phone: '+33 4 72 00 00 00' }),
		}),
		// One parcel on its way (with a tracking link that is not a web link), one cancelled, one item still to ship.
		order(1003, {
			displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
			displayFinancialStatus: 'PARTIALLY_REFUNDED',
			lineItems: { nodes: [lineItem(41, 'Chino trousers', 1), lineItem(42, 'Leather belt', 1)] },
			fulfillments: [
				{
					id: gid('Fulfillment', 401),
					status: 'SUCCESS',
					displayStatus: 'IN_TRANSIT',
					createdAt: '2026-11-20T08:00:00Z',
					inTransitAt: '2026-11-20T18:00:00Z',
					deliveredAt: null,
					trackingInfo: [
						{ company: 'DHL Express', number: 'JD014600003828', url: 'javascript:alert(1)' },
						{ company: null, number: null, url: null },
					],
					fulfillmentLineItems: {
						nodes: [{ id: gid('FulfillmentLineItem', 4011), quantity: 1, lineItem: { id: gid('LineItem', 41) } }],
					},
				},
				{
					id: gid('Fulfillment', 402),
					status: 'CANCELLED',
					displayStatus: 'CANCELED',
					createdAt: '2026-11-19T08:00:00Z',
					inTransitAt: null,
					deliveredAt: null,
					trackingInfo: [],
					fulfillmentLineItems: {
						nodes: [{ id: gid('FulfillmentLineItem', 4021), quantity: 1, lineItem: { id: gid('LineItem', 42) } }],
					},
				},
			],
			fulfillmentOrders: {
				nodes: [
					{ status: 'CLOSED', requestStatus: 'ACCEPTED' },
					{ status: 'OPEN', requestStatus: 'UNSUBMITTED' },
				],
			},
		}),
		// Unfulfilled in Shopify, but already sent to the warehouse.
		order(1004, {
			lineItems: { nodes: [lineItem(51, 'Denim jacket', 1)] },
			fulfillmentOrders: { nodes: [{ status: 'IN_PROGRESS', requestStatus: 'SUBMITTED' }] },
		}),
		// Cancelled and refunded.
		order(1005, {
			cancelledAt: '2026-11-03T12:00:00Z',
			displayFinancialStatus: 'REFUNDED',
			displayFulfillmentStatus: 'RESTOCKED',
			lineItems: { nodes: [lineItem(61, 'Knit sweater', 1)] },
		}),
		// Placed by phone: no e-mail, and a status Shopify added after our mapping was written.
		order(1006, {
			email: null,
			displayFinancialStatus: 'SOMETHING_NEW',
			displayFulfillmentStatus: 'SOMETHING_NEW',
			shippingAddress: null,
			lineItems: { nodes: [lineItem(71, 'Gift card', 1, { product: null, variant: null, image: null })] },
		}),
	];
}

/** Part of Shopify's return reason library. */
export function fixtureReturnReasons(): FakeReturnReason[] {
	const reasons: [string, string, boolean][] = [
		['too-small', 'Too small', false],
		['too-large', 'Too large', false],
		['not-as-described', 'Not as described', false],
		['damaged-or-defective', 'Damaged or defective', false],
		['wrong-item', 'Received the wrong item', false],
		['changed-mind', 'Changed my mind', false],
		['other', 'Other', false],
		['color', 'Color', true],
	];
	return reasons.map(([handle, name, deleted], index) => ({
		id: gid('ReturnReasonDefinition', index + 1),
		handle,
		name,
		deleted,
	}));
}
