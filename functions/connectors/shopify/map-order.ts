import { toMinorUnits } from '../../contract/refund-estimate';
import type { Address, Fulfillment, LineItem, Money, Order, ParcelStatus } from '../../domain/order';
import type { ShopifyFulfillment, ShopifyLineItem, ShopifyOrder } from './payloads';

/** OrderDisplayFulfillmentStatus → ours. Unknown and ambiguous states map to `on_hold`, which allows no change. */
const fulfillmentStatuses: Record<string, Order['fulfillmentStatus']> = {
	UNFULFILLED: 'unfulfilled',
	OPEN: 'unfulfilled',
	RESTOCKED: 'unfulfilled',
	PARTIALLY_FULFILLED: 'partially_fulfilled',
	FULFILLED: 'fulfilled',
	// Nothing to ship (digital goods, services): treated as done.
	FULFILLMENT_NOT_REQUIRED: 'fulfilled',
	IN_PROGRESS: 'in_progress',
	PENDING_FULFILLMENT: 'in_progress',
	ON_HOLD: 'on_hold',
	SCHEDULED: 'on_hold',
	REQUEST_DECLINED: 'on_hold',
};

/** OrderDisplayFinancialStatus → ours. */
const financialStatuses: Record<string, Order['financialStatus']> = {
	PENDING: 'pending',
	PARTIALLY_PAID: 'pending',
	AUTHORIZED: 'authorized',
	PAID: 'paid',
	PARTIALLY_REFUNDED: 'partially_refunded',
	REFUNDED: 'refunded',
	VOIDED: 'voided',
	EXPIRED: 'voided',
};

/** FulfillmentDisplayStatus → the parcel's state as a shopper understands it. */
const parcelStatuses: Record<string, ParcelStatus> = {
	SUBMITTED: 'label_created',
	CONFIRMED: 'label_created',
	LABEL_PURCHASED: 'label_created',
	LABEL_PRINTED: 'label_created',
	// Shipped without carrier events: all we know is that it left.
	FULFILLED: 'in_transit',
	MARKED_AS_FULFILLED: 'in_transit',
	CARRIER_PICKED_UP: 'in_transit',
	IN_TRANSIT: 'in_transit',
	DELAYED: 'in_transit',
	OUT_FOR_DELIVERY: 'out_for_delivery',
	READY_FOR_PICKUP: 'out_for_delivery',
	ATTEMPTED_DELIVERY: 'attempted_delivery',
	DELIVERED: 'delivered',
	PICKED_UP: 'delivered',
	FAILURE: 'failure',
	NOT_DELIVERED: 'failure',
	LABEL_VOIDED: 'failure',
};

/** Returns that were declined or cancelled give nothing back; requested, open and closed ones do. */
const countedReturnStatuses = new Set(['REQUESTED', 'OPEN', 'CLOSED']);

const truthy = new Set(['true', 'yes', '1']);

/**
 * A line item is final sale when its product carries the final-sale tag (any case), or when the line item has
 * a custom attribute (line item property) named `final-sale`, `final_sale` or `_final_sale` (hidden at
 * checkout) whose value is `true`, `yes` or `1`.
 */
export function isFinalSale(item: ShopifyLineItem, finalSaleTag: string): boolean {
	const tag = finalSaleTag.toLowerCase();
	if (item.product?.tags.some((candidate) => candidate.trim().toLowerCase() === tag)) return true;
	return item.customAttributes.some(
		(attribute) =>
			attribute.key.trim().toLowerCase().replace(/^_/, '').replace(/[_ ]/g, '-') === 'final-sale' &&
			truthy.has((attribute.value ?? '').trim().toLowerCase()),
	);
}

/** Only secure web addresses are shown as pictures (the page's images are https, mixed content is blocked). */
function httpsUrl(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** Shopify's decimal amount ("59.00") in minor units; null when the currency or the amount is not one we read. */
function mapMoney(money: { amount: string; currencyCode: string }): Money | null {
	const currencyCode = money.currencyCode.toUpperCase();
	if (!/^[A-Z]{3}$/.test(currencyCode)) return null;
	const amount = toMinorUnits(money.amount, currencyCode);
	return amount === undefined ? null : { amount, currencyCode };
}

function mapImage(image: ShopifyLineItem['image']): LineItem['image'] {
	const url = httpsUrl(image?.url);
	return url ? { url, alt: image?.altText || null } : null;
}

/** Only web links reach shoppers; anything else (javascript:, data:) is dropped. */
function safeUrl(value: string | null): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}

function mapAddress(address: ShopifyOrder['shippingAddress']): Address | null {
	const countryCode = address?.countryCodeV2?.toUpperCase();
	if (!address || !countryCode || !/^[A-Z]{2}$/.test(countryCode)) return null;
	return {
		firstName: address.firstName ?? '',
		lastName: address.lastName ?? '',
		address1: address.address1 ?? '',
		address2: address.address2 || null,
		city: address.city ?? '',
		province: address.provinceCode || null,
		postalCode: address.zip ?? '',
		countryCode,
		phone: address.phone || null,
	};
}

function mapLineItem(item: ShopifyLineItem, finalSaleTag: string): LineItem {
	return {
		id: item.id,
		title: item.title,
		variantTitle: item.variantTitle || null,
		sku: item.sku || null,
		quantity: item.quantity,
		finalSale: isFinalSale(item, finalSaleTag),
		unitPrice: mapMoney(item.discountedUnitPriceAfterAllDiscountsSet.presentmentMoney),
		image: mapImage(item.image),
	};
}

function parcelStatus(fulfillment: ShopifyFulfillment): ParcelStatus {
	if (fulfillment.status === 'ERROR' || fulfillment.status === 'FAILURE') return 'failure';
	if (fulfillment.deliveredAt) return 'delivered';
	return (fulfillment.displayStatus && parcelStatuses[fulfillment.displayStatus]) || 'in_transit';
}

function mapFulfillment(fulfillment: ShopifyFulfillment): Fulfillment {
	return {
		id: fulfillment.id,
		status: parcelStatus(fulfillment),
		createdAt: fulfillment.createdAt,
		inTransitAt: fulfillment.inTransitAt,
		deliveredAt: fulfillment.deliveredAt,
		tracking: fulfillment.trackingInfo.flatMap((info) =>
			info.number ? [{ carrier: info.company || null, number: info.number, url: safeUrl(info.url) }] : [],
		),
		lineItems: fulfillment.fulfillmentLineItems.nodes
			.filter((item) => item.quantity > 0)
			.map((item) => ({ lineItemId: item.lineItem.id, fulfillmentLineItemId: item.id, quantity: item.quantity })),
	};
}

/** Maps Shopify's order to ours; nothing of Shopify's payload goes further than this. */
export function mapOrder(order: ShopifyOrder, finalSaleTag: string): Order {
	// Cancelled parcels never reached the shopper.
	const fulfillments = order.fulfillments.filter((fulfillment) => fulfillment.status !== 'CANCELLED').map(mapFulfillment);

	const lineItemOfFulfillmentItem = new Map<string, string>();
	for (const fulfillment of order.fulfillments) {
		for (const item of fulfillment.fulfillmentLineItems.nodes) lineItemOfFulfillmentItem.set(item.id, item.lineItem.id);
	}
	const returnedQuantities: Record<string, number> = {};
	for (const shopifyReturn of order.returns.nodes) {
		if (!countedReturnStatuses.has(shopifyReturn.status)) continue;
		for (const item of shopifyReturn.returnLineItems.nodes) {
			const lineItemId = item.fulfillmentLineItem && lineItemOfFulfillmentItem.get(item.fulfillmentLineItem.id);
			if (lineItemId && item.quantity > 0) returnedQuantities[lineItemId] = (returnedQuantities[lineItemId] ?? 0) + item.quantity;
		}
	}

	return {
		id: order.id,
		name: order.name,
		email: order.email || null,
		createdAt: order.createdAt,
		processedAt: order.processedAt,
		cancelledAt: order.cancelledAt,
		financialStatus: (order.displayFinancialStatus && financialStatuses[order.displayFinancialStatus]) || 'pending',
		fulfillmentStatus: fulfillmentStatuses[order.displayFulfillmentStatus] ?? 'on_hold',
		shippingAddress: mapAddress(order.shippingAddress),
		lineItems: order.lineItems.nodes.map((item) => mapLineItem(item, finalSaleTag)),
		fulfillments,
		returnedQuantities,
	};
}
