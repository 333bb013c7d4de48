import { describe, expect, it } from 'vitest';
import { orderSummarySchema } from '../../functions/contract/responses';
import { call, freshIp, lookup } from '../support/api-client';

const orders = {
	unfulfilledRecent: ['1001', 'camille.martin@example.com'],
	unfulfilledOld: ['1002', 'jonas.weber@example.com'],
	partlyFulfilled: ['1003', 'amelie.dubois@example.com'],
	inTransit: ['1004', 'sam.taylor@example.com'],
	deliveredRecently: ['1005', 'lea.moreau@example.com'],
	delivered45DaysAgo: ['1006', 'noah.bernard@example.com'],
	cancelled: ['1007', 'ines.laurent@example.com'],
	refunded: ['1008', 'emma.smith@example.com'],
	outForDelivery: ['1010', 'hugo.roux@example.com'],
} as const;

async function summary(which: keyof typeof orders, locale = 'en') {
	const [number, email] = orders[which];
	const response = await lookup(number, email, { locale });
	expect(response.status, response.text).toBe(200);
	return { ...response, order: orderSummarySchema.parse(response.json.order) };
}

describe('POST /api/orders/lookup', () => {
	it('shows an unfulfilled order that can still change its address but not be returned yet', async () => {
		const { order, json } = await summary('unfulfilledRecent');
		expect(order.status).toBe('processing');
		expect(order.actions.changeAddress).toEqual({ available: true, reason: null });
		expect(order.actions.return.reason?.code).toBe('not_delivered_yet');
		expect(order.timeline.map((step) => [step.step, step.done])).toEqual([
			['placed', true],
			['paid', true],
			['fulfilled', false],
			['in_transit', false],
			['delivered', false],
		]);
		expect(json.token).toMatchObject({ purpose: 'view' });
		expect(Date.parse(json.token.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
	});

	it('closes the address change after the configured window, with hours in the reason', async () => {
		const { order } = await summary('unfulfilledOld');
		expect(order.actions.changeAddress.reason).toMatchObject({ code: 'address_window_closed', hours: 72, window: 12 });
		expect(order.actions.changeAddress.reason?.message).toBe('Ordered 72 hours ago; the address can be changed within 12 hours of ordering.');
	});

	it('shows a partly fulfilled order with its parcel and refuses the address change', async () => {
		const { order } = await summary('partlyFulfilled');
		expect(order.status).toBe('partially_shipped');
		expect(order.parcels).toHaveLength(1);
		expect(order.actions.changeAddress.reason?.code).toBe('already_shipped');
	});

	it('gives tracking numbers with carrier links for an order in transit', async () => {
		const { order } = await summary('inTransit');
		expect(order.status).toBe('in_transit');
		expect(order.parcels[0]).toMatchObject({ carrier: 'DHL Express', trackingNumber: '6A00000004001' });
		expect(order.parcels[0]?.trackingUrl).toBe('https://www.dhl.com/fr-en/home/tracking.html?tracking-id=6A00000004001');
		expect(order.timeline.find((step) => step.step === 'in_transit')?.done).toBe(true);
	});

	it('treats out-for-delivery as in transit', async () => {
		const { order } = await summary('outForDelivery');
		expect(order.status).toBe('in_transit');
		expect(order.parcels[0]?.trackingUrl).toMatch(/^https:\/\/www\.mondialrelay\.fr\//);
	});

	it('offers a return for a recent delivery and explains the final-sale item', async () => {
		const { order } = await summary('deliveredRecently');
		expect(order.status).toBe('delivered');
		expect(order.actions.return).toEqual({ available: true, reason: null });
		const swimsuit = order.items.find((item) => item.title === 'Swimsuit');
		expect(swimsuit).toMatchObject({ finalSale: true, returnableQuantity: 0, reason: { code: 'final_sale' } });
		expect(order.items.find((item) => item.title === 'Merino T-shirt')?.returnableQuantity).toBe(2);
	});

	it('refuses returns 45 days after delivery, saying why in the shopper’s language', async () => {
		const english = (await summary('delivered45DaysAgo')).order.actions.return;
		expect(english).toMatchObject({ available: false, reason: { code: 'return_window_closed', days: 45, window: 30 } });
		expect(english.reason?.message).toBe('Delivered 45 days ago; returns close after 30 days.');
		const french = (await summary('delivered45DaysAgo', 'fr')).order.actions.return;
		expect(french.reason?.message).toBe('Livrée il y a 45 jours ; les retours sont possibles pendant 30 jours.');
	});

	it('shows cancelled and refunded orders without actions', async () => {
		const cancelled = (await summary('cancelled')).order;
		expect(cancelled.status).toBe('cancelled');
		expect(cancelled.actions.return.reason?.code).toBe('order_cancelled');
		expect(cancelled.actions.changeAddress.reason?.code).toBe('order_cancelled');
		const refunded = (await summary('refunded')).order;
		expect(refunded.status).toBe('refunded');
		expect(refunded.actions.return.reason?.code).toBe('order_refunded');
	});

	it('masks the shipping address to city and country', async () => {
		const { order, text } = await summary('unfulfilledRecent');
		expect(order.shippingAddress).toEqual({ city: 'Lyon', countryCode: 'FR' });
		expect(text).not.toContain('rue de la République');
		expect(text).not.toContain('69002');
		expect(text).not.toContain('Martin');
	});

	it('matches the e-mail case-insensitively but keeps +tags meaningful', async () => {
		expect((await lookup('1005', '  LEA.Moreau@Example.com ')).status).toBe(200);
		expect((await lookup('1005', 'lea.moreau+shop@example.com')).status).toBe(404);
	});

	it('answers "no such order", "wrong e-mail", "someone else’s e-mail" and "no e-mail on the order" identically', async () => {
		const answers = await Promise.all([
			lookup('999999', 'lea.moreau@example.com'),
			lookup('1005', 'wrong@example.com'),
			lookup('1005', 'camille.martin@example.com'),
			lookup('1009', 'lucas.petit@example.com'),
		]);
		for (const answer of answers) {
			expect(answer.status).toBe(404);
			expect(answer.json).toEqual(answers[0]?.json);
		}
		expect(answers[0]?.json.error.code).toBe('order_not_found');
	});

	it('refuses order numbers that carry search syntax', async () => {
		const response = await lookup('1005 OR email:*', 'lea.moreau@example.com');
		expect(response.status).toBe(400);
		expect(response.json.error).toMatchObject({ code: 'invalid_request', fields: [{ path: 'orderNumber', problem: 'order_number_format' }] });
		expect(response.text).not.toContain('OR email');
	});

	it('does not let strangers lock the owner out: ten wrong lookups from elsewhere, and the right pair still answers', async () => {
		// Ten wrong e-mails for #1008 from other clients (this file has looked #1008 up already, rightly).
		for (let attempt = 0; attempt < 10; attempt++) {
			expect((await lookup('1008', `guess${attempt}@example.com`, {}, freshIp())).status).toBe(404);
		}
		const owner = await lookup('1008', 'emma.smith@example.com', {}, freshIp());
		expect(owner.status, owner.text).toBe(200);
	});

	it('still bounds guessing: 5 wrong lookups of an order from one client, 50 from everyone, then even the right pair waits', async () => {
		const ip = freshIp();
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) statuses.push((await lookup('1007', `guess${attempt}@example.com`, {}, ip)).status);
		expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
		const locked = await lookup('1007', 'ines.laurent@example.com', {}, ip);
		expect(locked.status).toBe(429);
		expect(locked.json.error.code).toBe('rate_limited');
		expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
		expect((await lookup('1007', 'ines.laurent@example.com', {}, freshIp())).status).toBe(200);
		// A distributed attack: one more client for every wrong guess, up to 50 for the order in the hour.
		for (let attempt = 5; attempt < 50; attempt++) {
			expect((await lookup('1007', `guess${attempt}@example.com`, {}, freshIp())).status).toBe(404);
		}
		expect((await lookup('1007', 'guess50@example.com', {}, freshIp())).status).toBe(429);
		expect((await lookup('1007', 'ines.laurent@example.com', {}, freshIp())).status).toBe(429);
	});

	it('limits lookups per client address', async () => {
		const ip = freshIp();
		let last = 0;
		for (let attempt = 0; attempt < 31; attempt++) last = (await lookup(String(2000 + attempt), 'nobody@example.com', {}, ip)).status;
		expect(last).toBe(429);
	});

	it('sends no-store, security headers and JSON only', async () => {
		const response = await lookup('1005', 'lea.moreau@example.com');
		expect(response.headers.get('Cache-Control')).toBe('no-store');
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
		const form = await call('/api/orders/lookup', { rawBody: 'orderNumber=1005', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(form.status).toBe(415);
		expect(form.json.error.code).toBe('unsupported_media_type');
	});
});
