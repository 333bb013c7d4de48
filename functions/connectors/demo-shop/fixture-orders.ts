import type { Address, Fulfillment, LineItem, Order } from '../../domain/order';

const hour = 3_600_000;
const day = 24 * hour;

const address = (firstName: string, lastName: string, address1: string, city: string, postalCode: string, countryCode: string): Address => ({
	firstName,
	lastName,
	address1,
	address2: null,
	city,
	province: null,
	postalCode,
	countryCode,
	phone: null,
});

const item = (id: string, title: string, variantTitle: string, quantity: number, finalSale = false): LineItem => ({
	id: `gid://demo/LineItem/${id}`,
	title,
	variantTitle,
	sku: `AP-${id}`,
	quantity,
	finalSale,
});

function parcel(
	id: string,
	now: number,
	items: { lineItemId: string; quantity: number }[],
	shippedHoursAgo: number,
	state: { status: Fulfillment['status']; deliveredHoursAgo?: number },
	carrier = 'Colissimo',
): Fulfillment {
	const iso = (hoursAgo: number) => new Date(now - hoursAgo * hour).toISOString();
	return {
		id: `gid://demo/Fulfillment/${id}`,
		status: state.status,
		createdAt: iso(shippedHoursAgo + 2),
		inTransitAt: state.status === 'label_created' ? null : iso(shippedHoursAgo),
		deliveredAt: state.deliveredHoursAgo === undefined ? null : iso(state.deliveredHoursAgo),
		tracking: [{ carrier, number: `6A${id.padStart(11, '0')}`, url: null }],
		lineItems: items.map((line, index) => ({
			lineItemId: `gid://demo/LineItem/${line.lineItemId}`,
			fulfillmentLineItemId: `gid://demo/FulfillmentLineItem/${id}-${index + 1}`,
			quantity: line.quantity,
		})),
	};
}

/**
 * The embedded demo shop's orders, one per state the help center handles. Dates are relative to `now`, so
 * "delivered 45 days ago" stays true whenever the demo runs. Each order has its own e-mail address.
 */
export function fixtureOrders(now: number): Order[] {
	const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
	const base = (number: number, email: string | null, placedMsAgo: number) => ({
		id: `gid://demo/Order/${number}`,
		name: `#${number}`,
		email,
		createdAt: iso(placedMsAgo),
		processedAt: iso(placedMsAgo),
		cancelledAt: null,
		returnedQuantities: {},
	});
	return [
		{
			...base(1001, 'camille.martin@example.com', 2 * hour),
			financialStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			shippingAddress: address('Camille', 'Martin', '12 rue de la République', 'Lyon', '69002', 'FR'),
			lineItems: [item('1001-1', 'Linen shirt', 'Sand / M', 1), item('1001-2', 'Merino socks', 'Grey / 39-42', 2)],
			fulfillments: [],
		},
		{
			...base(1002, 'jonas.weber@example.com', 3 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			shippingAddress: address('Jonas', 'Weber', 'Kastanienallee 5', 'Berlin', '10435', 'DE'),
			lineItems: [item('1002-1', 'Organic cotton duvet cover', '240 × 220', 1)],
			fulfillments: [],
		},
		{
			...base(1003, 'amelie.dubois@example.com', 4 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'partially_fulfilled',
			shippingAddress: address('Amélie', 'Dubois', '8 avenue Foch', 'Paris', '75116', 'FR'),
			lineItems: [item('1003-1', 'Wool cardigan', 'Navy / S', 1), item('1003-2', 'Linen trousers', 'Olive / 38', 1)],
			fulfillments: [parcel('3001', now, [{ lineItemId: '1003-1', quantity: 1 }], 50, { status: 'in_transit' })],
		},
		{
			...base(1004, 'sam.taylor@example.com', 3 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: address('Sam', 'Taylor', '14 Elm Street', 'Manchester', 'M1 1AE', 'GB'),
			lineItems: [item('1004-1', 'Linen bed sheet set', 'White / Double', 1)],
			fulfillments: [parcel('4001', now, [{ lineItemId: '1004-1', quantity: 1 }], 40, { status: 'in_transit' }, 'DHL Express')],
		},
		{
			...base(1005, 'lea.moreau@example.com', 9 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: address('Léa', 'Moreau', '3 place Bellecour', 'Lyon', '69002', 'FR'),
			lineItems: [
				item('1005-1', 'Linen dress', 'Terracotta / M', 1),
				item('1005-2', 'Merino T-shirt', 'Black / L', 2),
				item('1005-3', 'Swimsuit', 'Blue / 38', 1, true),
			],
			fulfillments: [
				parcel(
					'5001',
					now,
					[
						{ lineItemId: '1005-1', quantity: 1 },
						{ lineItemId: '1005-2', quantity: 2 },
						{ lineItemId: '1005-3', quantity: 1 },
					],
					7 * 24,
					{ status: 'delivered', deliveredHoursAgo: 5 * 24 },
				),
			],
		},
		{
			...base(1006, 'noah.bernard@example.com', 50 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: address('Noah', 'Bernard', '22 rue Nationale', 'Lille', '59000', 'FR'),
			lineItems: [item('1006-1', 'Linen shirt', 'White / L', 1)],
			fulfillments: [parcel('6001', now, [{ lineItemId: '1006-1', quantity: 1 }], 48 * 24, { status: 'delivered', deliveredHoursAgo: 45 * 24 })],
		},
		{
			...base(1007, 'ines.laurent@example.com', 6 * day),
			cancelledAt: iso(5 * day),
			financialStatus: 'voided',
			fulfillmentStatus: 'unfulfilled',
			shippingAddress: address('Inès', 'Laurent', '5 quai de la Loire', 'Nantes', '44000', 'FR'),
			lineItems: [item('1007-1', 'Recycled wool blanket', 'Oat', 1)],
			fulfillments: [],
		},
		{
			...base(1008, 'emma.smith@example.com', 20 * day),
			financialStatus: 'refunded',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: address('Emma', 'Smith', '200 King Street West', 'Toronto', 'M5H 3T4', 'CA'),
			lineItems: [item('1008-1', 'Linen apron', 'Charcoal', 1)],
			fulfillments: [parcel('8001', now, [{ lineItemId: '1008-1', quantity: 1 }], 18 * 24, { status: 'delivered', deliveredHoursAgo: 12 * 24 }, 'DHL Express')],
			returnedQuantities: { 'gid://demo/LineItem/1008-1': 1 },
		},
		{
			...base(1009, null, 2 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			shippingAddress: address('Lucas', 'Petit', '9 rue Sainte-Catherine', 'Bordeaux', '33000', 'FR'),
			lineItems: [item('1009-1', 'Linen cushion cover', 'Sage / 45 × 45', 2)],
			fulfillments: [],
		},
		{
			...base(1010, 'hugo.roux@example.com', 2 * day),
			financialStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: address('Hugo', 'Roux', '17 rue du Vieux-Port', 'Marseille', '13002', 'FR'),
			lineItems: [item('1010-1', 'Linen tea towels', 'Set of 3', 1)],
			fulfillments: [parcel('10001', now, [{ lineItemId: '1010-1', quantity: 1 }], 30, { status: 'out_for_delivery' }, 'Mondial Relay')],
		},
	];
}
