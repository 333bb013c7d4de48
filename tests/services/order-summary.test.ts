import { describe, expect, it } from 'vitest';
import { orderSummarySchema } from '../../functions/contract/responses';
import { summarizeOrder } from '../../functions/services/order-summary';
import { fixtureOrder } from './support';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const policies = { returnWindowDays: 30, addressChangeWindowHours: 12 };
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const hour = 3_600_000;
const order = (number: number) => fixtureOrder(number, now);

describe('summarizeOrder', () => {
	it('shows a delivered order: timeline, items with what can be returned, tracked parcels, city and country only', () => {
		const summary = summarizeOrder(order(1005), policies, now, 'en');
		expect(orderSummarySchema.parse(summary)).toEqual(summary);
		expect(summary).toMatchObject({ id: '1005', name: '#1005', status: 'delivered', shippingAddress: { city: 'Lyon', countryCode: 'FR' } });
		expect(JSON.stringify(summary)).not.toContain('Bellecour');
		expect(JSON.stringify(summary)).not.toContain('lea.moreau');
		expect(summary.timeline).toEqual([
			{ step: 'placed', at: iso(9 * 24 * hour), done: true },
			{ step: 'paid', at: iso(9 * 24 * hour), done: true },
			{ step: 'fulfilled', at: iso((7 * 24 + 2) * hour), done: true },
			{ step: 'in_transit', at: iso(7 * 24 * hour), done: true },
			{ step: 'delivered', at: iso(5 * 24 * hour), done: true },
		]);
		expect(summary.items.map(({ returnableQuantity, reason }) => ({ returnableQuantity, reason }))).toEqual([
			{ returnableQuantity: 1, reason: null },
			{ returnableQuantity: 2, reason: null },
			{ returnableQuantity: 0, reason: { code: 'final_sale', message: 'Final sale: this item cannot be returned.' } },
		]);
		expect(summary.parcels).toEqual([
			{
				status: 'delivered',
				carrier: 'Colissimo',
				trackingNumber: '6A00000005001',
				trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A00000005001',
				deliveredAt: iso(5 * 24 * hour),
			},
		]);
		expect(summary.actions).toEqual({
			return: { available: true, reason: null },
			changeAddress: { available: false, reason: { code: 'already_shipped', message: 'This order has already left our warehouse, so its address can no longer be changed.' } },
		});
	});

	it('words reasons in the shopper’s language, with their numbers', () => {
		const summary = summarizeOrder(order(1006), policies, now, 'fr');
		expect(summary.actions.return.reason).toMatchObject({ code: 'return_window_closed', days: 45, window: 30 });
		expect(summary.actions.return.reason?.message).toContain('45');
		expect(summary.actions.return.reason?.message).not.toBe(summarizeOrder(order(1006), policies, now, 'en').actions.return.reason?.message);
	});

	it('shows no returnable units at all when the order cannot be returned', () => {
		const refunded = summarizeOrder(order(1008), policies, now, 'en');
		expect(refunded.status).toBe('refunded');
		expect(refunded.items.every((item) => item.returnableQuantity === 0)).toBe(true);
		expect(refunded.actions.return.reason?.code).toBe('order_refunded');
	});

	it('gives each stage its status: processing, partially shipped, in transit, cancelled', () => {
		expect(summarizeOrder(order(1001), policies, now, 'en')).toMatchObject({
			status: 'processing',
			timeline: [{ done: true }, { done: true }, { step: 'fulfilled', at: null, done: false }, { done: false }, { done: false }],
			actions: { changeAddress: { available: true, reason: null } },
		});
		expect(summarizeOrder(order(1003), policies, now, 'en').status).toBe('partially_shipped');
		expect(summarizeOrder(order(1004), policies, now, 'en').status).toBe('in_transit');
		expect(summarizeOrder(order(1007), policies, now, 'en').status).toBe('cancelled');
		const pending = summarizeOrder({ ...order(1001), financialStatus: 'pending' }, policies, now, 'en');
		expect(pending.timeline[1]).toEqual({ step: 'paid', at: null, done: false });
	});
});
