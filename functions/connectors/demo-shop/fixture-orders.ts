import type { Address, Fulfillment, LineItem, Order, ProductOption } from '../../domain/order';
import { toMinorUnits } from '../../contract/refund-estimate';

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

/** A demo product: its price in euros, its picture under public/images/products/, and the choices it comes in. */
interface DemoProduct {
	price: string;
	picture: string;
	/** Option names and values; the line item's variant title names its values in this order ("Sand / M"). */
	options?: [name: string, values: string[]][];
}

const sizes = ['XS', 'S', 'M', 'L', 'XL'];

const products: Record<string, DemoProduct> = {
	'Linen shirt': { price: '59.00', picture: 'linen-shirt-sand', options: [['Colour', ['Sand', 'White', 'Navy']], ['Size', sizes]] },
	'Merino socks': { price: '12.50', picture: 'merino-socks-grey', options: [['Colour', ['Grey', 'Black']], ['Size', ['35-38', '39-42', '43-46']]] },
	'Organic cotton duvet cover': { price: '89.00', picture: 'duvet-cover' },
	'Wool cardigan': { price: '95.00', picture: 'wool-cardigan-navy', options: [['Colour', ['Navy', 'Oat']], ['Size', sizes]] },
	'Linen trousers': { price: '69.00', picture: 'linen-trousers-olive', options: [['Colour', ['Olive', 'Sand']], ['Size', ['36', '38', '40', '42']]] },
	'Linen bed sheet set': { price: '119.00', picture: 'bed-sheet-set-white' },
	'Linen dress': { price: '79.00', picture: 'linen-dress-terracotta', options: [['Colour', ['Terracotta', 'Sage', 'Navy']], ['Size', sizes]] },
	'Merino T-shirt': { price: '45.00', picture: 'merino-tshirt-black', options: [['Colour', ['Black', 'Grey', 'White']], ['Size', sizes]] },
	Swimsuit: { price: '55.00', picture: 'swimsuit-blue' },
	'Recycled wool blanket': { price: '99.00', picture: 'wool-blanket-oat' },
	'Linen apron': { price: '29.00', picture: 'linen-apron-charcoal' },
	'Linen cushion cover': { price: '24.00', picture: 'cushion-cover-sage' },
	'Linen tea towels': { price: '22.00', picture: 'tea-towels' },
};

/** The choices a demo line item could be exchanged for, with its own values selected. */
export function demoProductOptions(title: string, variantTitle: string | null): ProductOption[] {
	const selected = (variantTitle ?? '').split(' / ');
	return (products[title]?.options ?? []).map(([name, values], index) => ({ name, values, selected: selected[index] ?? null }));
}

const item = (id: string, title: string, variantTitle: string, quantity: number, finalSale = false): LineItem => {
	const product = products[title];
	return {
		id: `gid://demo/LineItem/${id}`,
		title,
		variantTitle,
		sku: `AP-${id}`,
		quantity,
		finalSale,
		unitPrice: product ? { amount: toMinorUnits(product.price, 'EUR') ?? 0, currencyCode: 'EUR' } : null,
		image: product ? { url: `/images/products/${product.picture}.svg`, alt: null } : null,
	};
};

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
