import { translate, type UiKey } from '../../src/i18n/translate';
import type { Order } from '../domain/order';
import type { OrderSummary } from '../contract/responses';
import { trackingUrl } from './carrier-links';
import { publicOrderId } from './public-order-id';
import { addressChangeAvailability, returnableItems, returnAvailability, type ActionReason, type ItemReason, type Policies } from './eligibility';

function describe(prefix: 'api.reason' | 'api.item', reason: ActionReason | ItemReason, locale: string) {
	const { code, ...numbers } = reason;
	return { code, ...numbers, message: translate(locale, `${prefix}.${code}` as UiKey, numbers) };
}

function status(order: Order): OrderSummary['status'] {
	if (order.cancelledAt) return 'cancelled';
	if (order.financialStatus === 'refunded') return 'refunded';
	const parcels = order.fulfillments.filter((fulfillment) => fulfillment.status !== 'failure');
	if (parcels.length === 0) return 'processing';
	if (order.fulfillmentStatus === 'partially_fulfilled') return 'partially_shipped';
	return parcels.every((parcel) => parcel.status === 'delivered') ? 'delivered' : 'in_transit';
}

/** The shopper-facing view of an order: status, timeline, items, parcels, masked address and possible actions. */
export function summarizeOrder(order: Order, policies: Policies, now: number, locale: string): OrderSummary {
	const fulfillments = order.fulfillments;
	const first = (values: (string | null)[]) => values.filter((value): value is string => value !== null).sort()[0] ?? null;
	const allDelivered = fulfillments.length > 0 && fulfillments.every((f) => f.deliveredAt) && order.fulfillmentStatus === 'fulfilled';
	const deliveredAt = allDelivered ? (fulfillments.map((f) => f.deliveredAt ?? '').sort().at(-1) ?? null) : null;
	const paid = ['paid', 'partially_refunded', 'refunded'].includes(order.financialStatus);
	const timeline: OrderSummary['timeline'] = [
		{ step: 'placed', at: order.createdAt, done: true },
		{ step: 'paid', at: paid ? (order.processedAt ?? order.createdAt) : null, done: paid },
		{ step: 'fulfilled', at: first(fulfillments.map((f) => f.createdAt)), done: fulfillments.length > 0 },
		{ step: 'in_transit', at: first(fulfillments.map((f) => f.inTransitAt)), done: fulfillments.some((f) => f.inTransitAt) },
		{ step: 'delivered', at: deliveredAt, done: deliveredAt !== null },
	];
	const returnable = new Map(returnableItems(order, policies, now).map((item) => [item.lineItemId, item]));
	const returnReason = returnAvailability(order, policies, now);
	const addressReason = addressChangeAvailability(order, policies, now);
	return {
		id: publicOrderId(order.id),
		name: order.name,
		placedAt: order.createdAt,
		status: status(order),
		timeline,
		items: order.lineItems.map((item) => {
			const eligibility = returnable.get(item.id);
			const reason = eligibility?.reason ?? null;
			return {
				id: item.id,
				title: item.title,
				variantTitle: item.variantTitle,
				quantity: item.quantity,
				finalSale: item.finalSale,
				returnableQuantity: returnReason ? 0 : (eligibility?.returnableQuantity ?? 0),
				reason: reason ? describe('api.item', reason, locale) : null,
				unitPrice: item.unitPrice,
				image: item.image,
			};
		}),
		parcels: fulfillments.flatMap((fulfillment) =>
			fulfillment.tracking.map((tracking) => ({
				status: fulfillment.status,
				carrier: tracking.carrier,
				trackingNumber: tracking.number,
				trackingUrl: trackingUrl(tracking.carrier, tracking.number, tracking.url),
				deliveredAt: fulfillment.deliveredAt,
			})),
		),
		shippingAddress: order.shippingAddress ? { city: order.shippingAddress.city, countryCode: order.shippingAddress.countryCode } : null,
		actions: {
			return: { available: returnReason === null, reason: returnReason ? describe('api.reason', returnReason, locale) : null },
			changeAddress: { available: addressReason === null, reason: addressReason ? describe('api.reason', addressReason, locale) : null },
		},
	};
}
