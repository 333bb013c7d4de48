import { describe, expect, it } from 'vitest';
import { addressChangeAvailability, returnableItems, returnAvailability } from '../../functions/services/eligibility';
import { fixtureOrder } from './support';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const policies = { returnWindowDays: 30, addressChangeWindowHours: 12 };
const day = 86_400_000;
const order = (number: number) => fixtureOrder(number, now);

describe('returnableItems', () => {
	it('counts delivered units in the window, with the parcel lines to return them from, and says why the others cannot be', () => {
		expect(returnableItems(order(1005), policies, now)).toEqual([
			{ lineItemId: 'gid://demo/LineItem/1005-1', returnableQuantity: 1, reason: null, parcels: [{ fulfillmentLineItemId: 'gid://demo/FulfillmentLineItem/5001-1', quantity: 1 }] },
			{ lineItemId: 'gid://demo/LineItem/1005-2', returnableQuantity: 2, reason: null, parcels: [{ fulfillmentLineItemId: 'gid://demo/FulfillmentLineItem/5001-2', quantity: 2 }] },
			{ lineItemId: 'gid://demo/LineItem/1005-3', returnableQuantity: 0, reason: { code: 'final_sale' }, parcels: [] },
		]);
	});

	it('takes units already returned off the parcels that held them', () => {
		const partlyReturned = { ...order(1005), returnedQuantities: { 'gid://demo/LineItem/1005-2': 1, 'gid://demo/LineItem/1005-1': 1 } };
		const [shirt, tShirt] = returnableItems(partlyReturned, policies, now);
		expect(shirt).toMatchObject({ returnableQuantity: 0, reason: { code: 'already_returned' }, parcels: [] });
		expect(tShirt).toMatchObject({ returnableQuantity: 1, reason: null, parcels: [{ quantity: 1 }] });
	});

	it('closes the window after the policy’s days, saying how long ago the parcel came', () => {
		expect(returnableItems(order(1006), policies, now)).toEqual([
			{ lineItemId: 'gid://demo/LineItem/1006-1', returnableQuantity: 0, reason: { code: 'window_closed', days: 45, window: 30 }, parcels: [] },
		]);
		// Still open on the last day of the window.
		expect(returnableItems(order(1006), { ...policies, returnWindowDays: 45 }, now)[0]?.returnableQuantity).toBe(1);
	});

	it('counts nothing undelivered, even in transit', () => {
		expect(returnableItems(order(1003), policies, now).map((item) => item.reason)).toEqual([{ code: 'not_delivered' }, { code: 'not_delivered' }]);
	});
});

describe('returnAvailability', () => {
	it('opens returns when any unit can go back', () => {
		expect(returnAvailability(order(1005), policies, now)).toBeNull();
	});

	it('says why not: no e-mail, cancelled, refunded, not delivered, window closed, nothing left', () => {
		const allReturned = { ...order(1005), returnedQuantities: { 'gid://demo/LineItem/1005-1': 1, 'gid://demo/LineItem/1005-2': 2 } };
		const orders = [order(1009), order(1007), order(1008), order(1001), order(1006), allReturned];
		expect(orders.map((candidate) => returnAvailability(candidate, policies, now))).toEqual([
			{ code: 'no_email' },
			{ code: 'order_cancelled' },
			{ code: 'order_refunded' },
			{ code: 'not_delivered_yet' },
			{ code: 'return_window_closed', days: 45, window: 30 },
			{ code: 'nothing_to_return' },
		]);
	});
});

describe('addressChangeAvailability', () => {
	it('allows a change within the window of an unshipped order', () => {
		expect(addressChangeAvailability(order(1001), policies, now)).toBeNull();
	});

	it('says why not: no e-mail, cancelled, shipped, or ordered too long ago (in hours)', () => {
		expect([1009, 1007, 1004, 1003, 1002].map((number) => addressChangeAvailability(order(number), policies, now))).toEqual([
			{ code: 'no_email' },
			{ code: 'order_cancelled' },
			{ code: 'already_shipped' },
			{ code: 'already_shipped' },
			{ code: 'address_window_closed', hours: 72, window: 12 },
		]);
		expect(addressChangeAvailability(order(1001), policies, now + 10 * 3_600_000)).toEqual({ code: 'address_window_closed', hours: 12, window: 12 });
		expect(addressChangeAvailability(order(1001), policies, now + day)).toMatchObject({ code: 'address_window_closed' });
	});
});
