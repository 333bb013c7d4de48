import type { Order } from '../domain/order';

export interface Policies {
	returnWindowDays: number;
	addressChangeWindowHours: number;
}

/** Why an action is not available; the UI words it in the shopper's language from the code and numbers. */
export type ActionReason =
	| { code: 'order_cancelled' | 'order_refunded' | 'not_delivered_yet' | 'nothing_to_return' | 'no_email' | 'already_shipped' }
	| { code: 'return_window_closed'; days: number; window: number }
	| { code: 'address_window_closed'; hours: number; window: number };

export type ItemReason =
	| { code: 'final_sale' | 'already_returned' | 'not_delivered' }
	| { code: 'window_closed'; days: number; window: number };

export interface ReturnableItem {
	lineItemId: string;
	/** Units that can still be returned now. */
	returnableQuantity: number;
	/** Why some or all units cannot be returned. */
	reason: ItemReason | null;
	/** Delivered units not yet returned, with the shop's id for each parcel line. */
	parcels: { fulfillmentLineItemId: string; quantity: number }[];
}

const day = 86_400_000;

/** Per item: how many units can be returned now, and why not the others. */
export function returnableItems(order: Order, policies: Policies, now: number): ReturnableItem[] {
	return order.lineItems.map((item) => {
		const delivered = order.fulfillments.flatMap((fulfillment) =>
			fulfillment.status === 'delivered' && fulfillment.deliveredAt
				? fulfillment.lineItems
						.filter((line) => line.lineItemId === item.id)
						.map((line) => ({ ...line, deliveredAt: Date.parse(fulfillment.deliveredAt ?? '') }))
				: [],
		);
		const deliveredQuantity = delivered.reduce((sum, line) => sum + line.quantity, 0);
		const returned = order.returnedQuantities[item.id] ?? 0;
		const inWindow = delivered.filter((line) => now - line.deliveredAt <= policies.returnWindowDays * day);
		let remainingReturned = returned;
		const parcels = inWindow
			.map((line) => {
				const used = Math.min(remainingReturned, line.quantity);
				remainingReturned -= used;
				return { fulfillmentLineItemId: line.fulfillmentLineItemId, quantity: line.quantity - used };
			})
			.filter((line) => line.quantity > 0);
		const returnable = item.finalSale ? 0 : parcels.reduce((sum, line) => sum + line.quantity, 0);
		let reason: ItemReason | null = null;
		if (item.finalSale) reason = { code: 'final_sale' };
		else if (returned >= item.quantity) reason = { code: 'already_returned' };
		else if (deliveredQuantity === 0) reason = { code: 'not_delivered' };
		else if (returnable === 0 && delivered.length > 0 && inWindow.length === 0) {
			const latest = Math.max(...delivered.map((line) => line.deliveredAt));
			reason = { code: 'window_closed', days: Math.floor((now - latest) / day), window: policies.returnWindowDays };
		} else if (returnable === 0) reason = { code: 'already_returned' };
		return { lineItemId: item.id, returnableQuantity: returnable, reason, parcels: item.finalSale ? [] : parcels };
	});
}

/** Whether the shopper can start a return now, and why not. */
export function returnAvailability(order: Order, policies: Policies, now: number): ActionReason | null {
	if (!order.email) return { code: 'no_email' };
	if (order.cancelledAt) return { code: 'order_cancelled' };
	if (order.financialStatus === 'refunded') return { code: 'order_refunded' };
	const items = returnableItems(order, policies, now);
	if (items.some((item) => item.returnableQuantity > 0)) return null;
	if (items.every((item) => item.reason?.code === 'not_delivered')) return { code: 'not_delivered_yet' };
	const closed = items.find((item) => item.reason?.code === 'window_closed')?.reason;
	if (closed?.code === 'window_closed') return { code: 'return_window_closed', days: closed.days, window: closed.window };
	return { code: 'nothing_to_return' };
}

/** Whether the shopper can still change the shipping address, and why not. */
export function addressChangeAvailability(order: Order, policies: Policies, now: number): ActionReason | null {
	if (!order.email) return { code: 'no_email' };
	if (order.cancelledAt) return { code: 'order_cancelled' };
	if (order.fulfillmentStatus !== 'unfulfilled' || order.fulfillments.length > 0) return { code: 'already_shipped' };
	const hours = Math.floor((now - Date.parse(order.createdAt)) / 3_600_000);
	if (hours >= policies.addressChangeWindowHours) return { code: 'address_window_closed', hours, window: policies.addressChangeWindowHours };
	return null;
}
