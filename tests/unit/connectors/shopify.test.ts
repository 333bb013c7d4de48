import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearAccessTokenCache, createShopifyShop, shopifyEnvSchema } from '../../../functions/connectors/shopify';
import type { Order } from '../../../functions/domain/order';
import { type RunningFake, serveFake } from '../../fakes/serve';
import { createShopifyFake } from '../../fakes/shopify-fake';
import { connectorError } from './support';

const accessToken = 'shpat_static_test_token';
const clientId = 'help-center-app';
const clientSecret = 'client-secret';
const fake = createShopifyFake({ accessToken, clientId, clientSecret });
let server: RunningFake;
const timeoutMs = 800;

function shop(overrides: Record<string, unknown> = {}) {
	return createShopifyShop({ shop: 'alder-pine', accessToken, baseUrl: server.url, timeoutMs, ...overrides });
}

async function order(name: string): Promise<Order> {
	const found = await shop().findOrderByName(name);
	if (!found) throw new Error(`no order ${name}`);
	return found;
}

beforeAll(async () => {
	server = await serveFake(fake);
});
afterAll(() => server.stop());
beforeEach(() => {
	fake.reset();
	clearAccessTokenCache();
});
afterEach(() => expect(fake.violations()).toEqual([]));

describe('Shopify connector: order lookup', () => {
	it('finds an order by its number and maps it to our order', async () => {
		const found = await shop().findOrderByName('#1001');
		expect(found).toEqual({
			id: 'gid://shopify/Order/10010',
			name: '#1001',
			email: 'jane.doe@example.com',
			createdAt: '2026-11-02T09:15:00Z',
			processedAt: '2026-11-02T09:15:02Z',
			cancelledAt: null,
			financialStatus: 'paid',
			fulfillmentStatus: 'fulfilled',
			shippingAddress: {
				firstName: 'Jane',
				lastName: 'Doe',
				address1: '12 rue des Lilas',
				address2: null,
				city: 'Lyon',
				province: null,
				postalCode: '69003',
				countryCode: 'FR',
				phone: null,
			},
			lineItems: [
				{
					id: 'gid://shopify/LineItem/11',
					title: 'Linen shirt',
					variantTitle: 'M',
					sku: 'SKU-11',
					quantity: 2,
					finalSale: false,
					// "59.0" as paid after discounts, in cents of the shopper's currency.
					unitPrice: { amount: 5900, currencyCode: 'EUR' },
					image: { url: 'https://cdn.shopify.com/s/files/1/0001/products/item-11.jpg', alt: 'Linen shirt, front' },
				},
				// Its picture is served over plain HTTP: not shown.
				{ id: 'gid://shopify/LineItem/12', title: 'Wool scarf', variantTitle: null, sku: 'SKU-12', quantity: 1, finalSale: true, unitPrice: { amount: 4950, currencyCode: 'EUR' }, image: null },
				{
					id: 'gid://shopify/LineItem/13',
					title: 'Merino socks',
					variantTitle: 'M',
					sku: 'SKU-13',
					quantity: 1,
					finalSale: true,
					unitPrice: { amount: 4950, currencyCode: 'EUR' },
					image: { url: 'https://cdn.shopify.com/s/files/1/0001/products/item-13.jpg', alt: 'Merino socks, front' },
				},
			],
			fulfillments: [
				{
					id: 'gid://shopify/Fulfillment/101',
					status: 'delivered',
					createdAt: '2026-11-03T10:00:00Z',
					inTransitAt: '2026-11-03T16:00:00Z',
					deliveredAt: '2026-11-05T11:30:00Z',
					tracking: [
						{
							carrier: 'Colissimo',
							number: '6A12345678901',
							url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
						},
					],
					lineItems: [
						{
							lineItemId: 'gid://shopify/LineItem/11',
							fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
							quantity: 2,
						},
						{
							lineItemId: 'gid://shopify/LineItem/12',
							fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1012',
							quantity: 1,
						},
						{
							lineItemId: 'gid://shopify/LineItem/13',
							fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1013',
							quantity: 1,
						},
					],
				},
			],
			// The requested return counts, the declined one does not.
			returnedQuantities: { 'gid://shopify/LineItem/11': 1 },
		});
		expect(fake.calls().map((call) => call.operation)).toEqual(['OrderLookup']);
		expect(fake.calls()[0]!.variables).toEqual({ query: 'name:#1001' });
		expect(fake.calls()[0]!.cost).toBeLessThanOrEqual(1000);
	});

	it('accepts the number without # and picks the exact name among prefix matches', async () => {
		expect((await shop().findOrderByName(' 1001 '))?.name).toBe('#1001');
		expect((await shop().findOrderByName('10010'))?.name).toBe('#10010');
		// "#100" matches #1001 and #10010 by prefix, but there is no order #100.
		expect(await shop().findOrderByName('#100')).toBeUndefined();
		expect(await shop().findOrderByName('#999999')).toBeUndefined();
	});

	it('costs Shopify the same requests whether the order exists, exists under another e-mail, or not at all (S1)', async () => {
		// The connector never sees the e-mail: an order looked up with the wrong one costs what a right one does.
		const requestsFor = async (name: string) => {
			fake.reset();
			await shop().findOrderByName(name);
			return { requests: fake.control.requests.length, operations: fake.calls().map((call) => call.operation) };
		};
		const existing = await requestsFor('#1001');
		expect(existing.requests).toBe(1);
		// Unknown, matched only by prefix (#1001 and #10010 for #100), and last in a prefix list: all alike.
		for (const name of ['#999999', '#100', '#10010']) expect(await requestsFor(name), name).toEqual(existing);
	});

	it('never sends anything but digits into the search string', async () => {
		const attempts = [
			'1 OR email:*',
			'1001 OR name:*',
			'name:#1001',
			'*',
			'#1001*',
			'1001\nOR 1',
			'١٠٠١',
			'#',
			'1234567890123',
			'',
		];
		for (const attempt of attempts) expect(await shop().findOrderByName(attempt)).toBeUndefined();
		expect(fake.calls()).toHaveLength(0);
	});

	it('maps partial fulfilment, cancelled parcels, unsafe tracking links, cancellation and missing e-mails', async () => {
		const partial = await order('#1003');
		expect(partial).toMatchObject({ financialStatus: 'partially_refunded', fulfillmentStatus: 'partially_fulfilled' });
		expect(partial.fulfillments).toHaveLength(1);
		expect(partial.fulfillments[0]).toMatchObject({ status: 'in_transit', deliveredAt: null });
		expect(partial.fulfillments[0]!.tracking).toEqual([{ carrier: 'DHL Express', number: 'JD014600003828', url: null }]);

		expect(await order('#1005')).toMatchObject({
			cancelledAt: '2026-11-03T12:00:00Z',
			financialStatus: 'refunded',
			fulfillmentStatus: 'unfulfilled',
		});

		// Unknown statuses fall back to the states that allow no change.
		expect(await order('#1006')).toMatchObject({
			email: null,
			shippingAddress: null,
			financialStatus: 'pending',
			fulfillmentStatus: 'on_hold',
		});
		expect((await order('#1006')).lineItems[0]!.finalSale).toBe(false);
	});

	it('treats another final-sale tag as configured', async () => {
		const found = await shop({ finalSaleTag: 'linen' }).findOrderByName('#1001');
		expect(found?.lineItems.map((item) => item.finalSale)).toEqual([true, false, true]);
	});

	it('reads orders by id, and never sends an id that is not an order id', async () => {
		expect((await shop().getOrder('gid://shopify/Order/10020'))?.name).toBe('#1002');
		expect(await shop().getOrder('gid://shopify/Order/1')).toBeUndefined();
		expect(await shop().getOrder('gid://shopify/Customer/10020')).toBeUndefined();
		expect(await shop().getOrder('1 OR 1')).toBeUndefined();
		expect(fake.calls()).toHaveLength(2);
	});
});

describe('Shopify connector: failures', () => {
	it('is retryable when THROTTLED on HTTP 200, waiting what the throttle status implies', async () => {
		fake.setFaults({ throttled: 1, throttledStatus: 200 });
		const error = await connectorError(() => shop().getOrder('gid://shopify/Order/10010'));
		const cost = fake.calls()[0]!.cost;
		// The fake's bucket holds 10 points and refills 100 per second.
		expect(error).toMatchObject({ retryable: true, status: 200, retryAfterSeconds: Math.ceil((cost - 10) / 100) });
		expect(error.retryAfterSeconds).toBeGreaterThan(1);
	});

	it('is retryable when THROTTLED on HTTP 429', async () => {
		fake.setFaults({ throttled: 2, throttledStatus: 429 });
		const lookup = await connectorError(() => shop().findOrderByName('#1001'));
		expect(lookup).toMatchObject({ retryable: true, status: 429, retryAfterSeconds: Math.ceil((fake.calls()[0]!.cost - 10) / 100) });
		const detail = await connectorError(() => shop().getOrder('gid://shopify/Order/10010'));
		const cost = fake.calls()[1]!.cost;
		expect(cost).toBeGreaterThan(300);
		expect(cost).toBeLessThanOrEqual(1000);
		expect(detail.retryAfterSeconds).toBe(Math.ceil((cost - 10) / 100));
	});

	it('is retryable on a plain 429 after Retry-After', async () => {
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 4 });
		expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({
			retryable: true,
			retryAfterSeconds: 4,
			status: 429,
		});
	});

	it('is retryable on 5xx and timeouts, and answers once Shopify recovers', async () => {
		fake.setFaults({ fail500: 1, timeouts: 1, timeoutMs: 2_000 });
		expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({ retryable: true, status: 500 });
		const timedOut = await connectorError(() => shop().findOrderByName('#1001'));
		expect(timedOut.retryable).toBe(true);
		expect(timedOut.message).toContain('no answer within 800 ms');
		expect((await shop().findOrderByName('#1001'))?.name).toBe('#1001');
	});

	it('gives up on a wrong token, and on GraphQL errors other than throttling', async () => {
		expect(await connectorError(() => shop({ accessToken: 'shpat_wrong' }).findOrderByName('#1001'))).toMatchObject({
			retryable: false,
			status: 401,
		});
		fake.respondOnce({
			status: 200,
			body: { errors: [{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED' } }] },
		});
		const denied = await connectorError(() => shop().findOrderByName('#1001'));
		expect(denied).toMatchObject({ retryable: false });
		expect(denied.message).toContain('ACCESS_DENIED');
		fake.respondOnce({ status: 200, body: { errors: [{ message: 'oops', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } });
		expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({ retryable: true });
		fake.respondOnce({ status: 403, body: { errors: 'Forbidden' } });
		expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({ retryable: false, status: 403 });
		fake.respondOnce({ status: 302, body: '', headers: { Location: 'https://evil.example/' } });
		expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({ retryable: false, status: 302 });
	});

	it('rejects malformed payloads as errors, never as a crash or a half-read order', async () => {
		const malformed: (string | object)[] = [
			'<html>Service unavailable</html>',
			{ data: { orders: 'nope' } },
			{ data: { orders: { nodes: [{ id: 1, name: '#1001' }] } } },
			{ data: null },
			[],
		];
		for (const body of malformed) {
			fake.respondOnce({ status: 200, body });
			expect(await connectorError(() => shop().findOrderByName('#1001'))).toMatchObject({ retryable: true });
		}
		const detail = structuredClone(fake.order('#1001')!) as unknown as Record<string, unknown>;
		detail['createdAt'] = 'yesterday';
		fake.respondOnce({ status: 200, body: { data: { order: detail } } });
		expect(await connectorError(() => shop().getOrder('gid://shopify/Order/10010'))).toMatchObject({ retryable: true });
	});
});

describe('Shopify connector: returns', () => {
	it('requests a return with returnRequest, reason definitions resolved from their handles', async () => {
		const found = await order('#1001');
		const { returnId } = await shop().requestReturn(found, [
			{
				lineItemId: 'gid://shopify/LineItem/11',
				fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
				quantity: 1,
				reasonId: 'too-small',
				customerNote: 'Runs\r\nsmall', exchangeFor: null,
			},
		]);
		expect(returnId).toMatch(/^gid:\/\/shopify\/Return\/\d+$/);
		const operations = fake.calls().map((call) => call.operation);
		// After the lookup's one call.
		expect(operations.slice(1)).toEqual(['ReturnableFulfillments', 'ReturnReasonDefinitions', 'ReturnRequest']);
		expect(fake.calls().find((call) => call.operation === 'ReturnRequest')!.variables).toEqual({
			input: {
				orderId: 'gid://shopify/Order/10010',
				returnLineItems: [
					{
						fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
						quantity: 1,
						returnReasonDefinitionId: 'gid://shopify/ReturnReasonDefinition/1',
						customerNote: 'Runs small',
					},
				],
			},
		});
		const stored = fake.order('#1001')!.returns.nodes.at(-1)!;
		expect(stored).toMatchObject({ id: returnId, status: 'REQUESTED' });
		// Both shirts are now asked back.
		expect((await order('#1001')).returnedQuantities).toEqual({ 'gid://shopify/LineItem/11': 2 });
	});

	it('puts the size wanted in exchange first in the note, and reads the sizes each item comes in', async () => {
		const found = await order('#1001');
		await shop().requestReturn(found, [
			{
				lineItemId: 'gid://shopify/LineItem/11',
				fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
				quantity: 1,
				reasonId: 'too-small',
				customerNote: 'Thanks',
				exchangeFor: 'Size: L',
			},
		]);
		const [sent] = (fake.calls().at(-1)!.variables['input'] as { returnLineItems: { customerNote?: string }[] }).returnLineItems;
		expect(sent?.customerNote).toBe('Exchange for: Size: L. Thanks');

		const options = await shop().exchangeOptions(found);
		expect(fake.calls().at(-1)).toMatchObject({ operation: 'ExchangeOptions', variables: { id: found.id } });
		// The scarf has one variant ("Default Title"): nothing to choose, so it is left out.
		expect(options).toEqual({
			'gid://shopify/LineItem/11': [{ name: 'Size', values: ['S', 'M', 'L'], selected: 'M' }],
			'gid://shopify/LineItem/13': [{ name: 'Size', values: ['S', 'M', 'L'], selected: 'M' }],
		});
		expect(await shop().exchangeOptions({ ...found, id: 'gid://demo/Order/1' })).toEqual({});
	});

	it('maps each reason of the site config, writes unmapped ones into the note, and follows configured handles', async () => {
		const found = await order('#1001');
		const line = (fulfillmentLineItem: number, reasonId: string) => ({
			lineItemId: 'x',
			fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${fulfillmentLineItem}`,
			quantity: 1,
			reasonId,
			customerNote: null, exchangeFor: null,
		});
		await shop({ returnReasonHandles: { 'wrong-item': 'other' } }).requestReturn(found, [
			line(1011, 'wrong-item'),
			line(1012, 'damaged'),
			line(1013, 'smells-funny'),
		]);
		const lines = (fake.calls().at(-1)!.variables['input'] as { returnLineItems: unknown[] }).returnLineItems;
		expect(lines).toEqual([
			{
				fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
				quantity: 1,
				returnReasonDefinitionId: 'gid://shopify/ReturnReasonDefinition/7',
			},
			{
				fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1012',
				quantity: 1,
				returnReasonDefinitionId: 'gid://shopify/ReturnReasonDefinition/4',
			},
			{ fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1013', quantity: 1, customerNote: '[smells-funny]' },
		]);
	});

	it('never uses a deleted reason definition', async () => {
		const found = await order('#1001');
		await shop({ returnReasonHandles: { 'changed-mind': 'color' } }).requestReturn(found, [
			{
				lineItemId: 'x',
				fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1012',
				quantity: 1,
				reasonId: 'changed-mind',
				customerNote: 'Not my colour', exchangeFor: null,
			},
		]);
		const [sent] = (fake.calls().at(-1)!.variables['input'] as { returnLineItems: unknown[] }).returnLineItems;
		expect(sent).toEqual({
			fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1012',
			quantity: 1,
			customerNote: '[changed-mind] Not my colour',
		});
	});

	it('refuses more than is still returnable without sending the mutation', async () => {
		const found = await order('#1001');
		const error = await connectorError(() =>
			shop().requestReturn(found, [
				{
					lineItemId: 'x',
					fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
					quantity: 1,
					reasonId: 'too-small',
					customerNote: null, exchangeFor: null,
				},
				{
					lineItemId: 'x',
					fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
					quantity: 1,
					reasonId: 'too-large',
					customerNote: null, exchangeFor: null,
				},
			]),
		);
		expect(error).toMatchObject({ retryable: false, status: 409 });
		expect(fake.calls().map((call) => call.operation)).not.toContain('ReturnRequest');
		// Items never shipped are not returnable either.
		const unshipped = await order('#1003');
		const cancelledParcel = await connectorError(() =>
			shop().requestReturn(unshipped, [
				{
					lineItemId: 'x',
					fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/4021',
					quantity: 1,
					reasonId: 'damaged',
					customerNote: null, exchangeFor: null,
				},
			]),
		);
		expect(cancelledParcel.status).toBe(409);
	});

	it('refuses malformed return lines before any request', async () => {
		const found = await order('#1001');
		const calls = fake.calls().length;
		const line = {
			lineItemId: 'x',
			fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1011',
			quantity: 1,
			reasonId: 'damaged',
			customerNote: null, exchangeFor: null,
		};
		for (const lines of [
			[],
			[{ ...line, quantity: 0 }],
			[{ ...line, quantity: 1.5 }],
			[{ ...line, fulfillmentLineItemId: 'gid://shopify/LineItem/11' }],
		]) {
			expect(await connectorError(() => shop().requestReturn(found, lines))).toMatchObject({ retryable: false, status: 422 });
		}
		expect(fake.calls()).toHaveLength(calls);
	});

	it('reports userErrors as a permanent refusal', async () => {
		const found = await order('#1001');
		const request = () =>
			shop().requestReturn(found, [
				{
					lineItemId: 'x',
					fulfillmentLineItemId: 'gid://shopify/FulfillmentLineItem/1012',
					quantity: 1,
					reasonId: 'damaged',
					customerNote: null, exchangeFor: null,
				},
			]);
		// Let the look-ups through, then answer the mutation with userErrors.
		fake.respondOnce({
			status: 200,
			body: {
				data: {
					returnableFulfillments: {
						edges: [
							{
								node: {
									id: 'r',
									fulfillment: { id: 'f' },
									returnableFulfillmentLineItems: {
										edges: [{ node: { fulfillmentLineItem: { id: 'gid://shopify/FulfillmentLineItem/1012' }, quantity: 1 } }],
									},
								},
							},
						],
					},
				},
			},
		});
		fake.respondOnce({ status: 200, body: { data: { returnReasonDefinitions: { nodes: [] } } } });
		fake.respondOnce({
			status: 200,
			body: {
				data: {
					returnRequest: {
						return: null,
						userErrors: [{ field: ['input'], message: 'Returns are disabled', code: 'FEATURE_NOT_ENABLED' }],
					},
				},
			},
		});
		const error = await connectorError(request);
		expect(error).toMatchObject({ retryable: false, status: 422 });
		expect(error.message).toContain('FEATURE_NOT_ENABLED');
		expect(error.message).not.toContain('Returns are disabled');
	});
});

describe('Shopify connector: address changes', () => {
	const newAddress = {
		firstName: 'Jane',
		lastName: 'Doe',
		address1: '8 place Bellecour',
		address2: 'Bâtiment B',
		city: 'Lyon',
		province: null,
		postalCode: '69002',
		countryCode: 'FR',
		phone: null,
	};

	it('replaces the shipping address of an unfulfilled order with orderUpdate', async () => {
		await shop().updateShippingAddress(await order('#1002'), newAddress);
		expect(
			fake
				.calls()
				.map((call) => call.operation)
				.slice(1),
		).toEqual(['OrderChangeability', 'OrderUpdate']);
		expect(fake.calls().at(-1)!.variables).toEqual({
			input: {
				id: 'gid://shopify/Order/10020',
				shippingAddress: {
					firstName: 'Jane',
					lastName: 'Doe',
					address1: '8 place Bellecour',
					address2: 'Bâtiment B',
					city: 'Lyon',
					zip: '69002',
					countryCode: 'FR',
				},
			},
		});
		expect((await order('#1002')).shippingAddress).toMatchObject({ address1: '8 place Bellecour', postalCode: '69002' });
	});

	it('accepts Shopify reformatting the postal code', async () => {
		await shop().updateShippingAddress(await order('#1002'), {
			...newAddress,
			postalCode: 'sw1a 1aa',
			countryCode: 'GB',
			city: 'London',
		});
		expect(fake.order('#1002')!.shippingAddress?.zip).toBe('SW1A 1AA');
	});

	it('refuses orders fulfilled, sent to a warehouse or cancelled meanwhile, without sending the mutation', async () => {
		for (const name of ['#1001', '#1003', '#1004', '#1005']) {
			const error = await connectorError(async () => shop().updateShippingAddress(await order(name), newAddress));
			expect(error).toMatchObject({ retryable: false, status: 409 });
		}
		expect(fake.calls().map((call) => call.operation)).not.toContain('OrderUpdate');
	});

	it('notices an orderUpdate that answers success without changing anything', async () => {
		fake.ignoreAddressUpdates();
		const error = await connectorError(async () => shop().updateShippingAddress(await order('#1002'), newAddress));
		expect(error).toMatchObject({ retryable: false, status: 502 });
	});

	it('reports userErrors as a permanent refusal', async () => {
		const found = await order('#1002');
		fake.respondOnce({
			status: 200,
			body: {
				data: {
					order: { id: found.id, cancelledAt: null, displayFulfillmentStatus: 'UNFULFILLED', fulfillmentOrders: { nodes: [] } },
				},
			},
		});
		fake.respondOnce({
			status: 200,
			body: {
				data: {
					orderUpdate: { order: null, userErrors: [{ field: ['shippingAddress', 'zip'], message: 'Zip is invalid for 75001' }] },
				},
			},
		});
		const error = await connectorError(() => shop().updateShippingAddress(found, newAddress));
		expect(error).toMatchObject({ retryable: false, status: 422 });
		expect(error.message).toBe('Shopify refused the address change (shippingAddress.zip)');
		expect(error.message).not.toContain('75001');
	});

	it('applies a timed-out mutation once: the retry sees the order as it now is', async () => {
		fake.setFaults({ timeouts: 1, timeoutMs: 2_000, timeoutCreates: true, target: 'create' });
		const found = await order('#1002');
		expect(await connectorError(() => shop().updateShippingAddress(found, newAddress))).toMatchObject({ retryable: true });
		expect(fake.order('#1002')!.shippingAddress?.address1).toBe('8 place Bellecour');
		await shop().updateShippingAddress(found, newAddress);
		expect(fake.order('#1002')!.shippingAddress?.address1).toBe('8 place Bellecour');
	});
});

describe('Shopify connector: client credentials', () => {
	const credentials = { accessToken: undefined, clientId, clientSecret };

	it('fetches a token once and reuses it across connectors', async () => {
		await shop(credentials).findOrderByName('#1001');
		await shop(credentials).findOrderByName('#1002');
		expect(fake.tokenRequests()).toBe(1);
		expect(fake.calls()).toHaveLength(2);
	});

	it('fetches a new token when Shopify refuses the cached one', async () => {
		await shop(credentials).findOrderByName('#1001');
		fake.revokeTokens();
		expect((await shop(credentials).findOrderByName('#1002'))?.name).toBe('#1002');
		expect(fake.tokenRequests()).toBe(2);
	});

	it('gives up on wrong client credentials', async () => {
		expect(await connectorError(() => shop({ ...credentials, clientSecret: 'wrong' }).findOrderByName('#1001'))).toMatchObject({
			retryable: false,
			status: 401,
		});
	});

	it('refreshes tokens before they expire rather than after a refusal', async () => {
		const shortLived = createShopifyFake({ clientId, clientSecret, tokenLifetimeSeconds: 2 });
		const shortServer = await serveFake(shortLived);
		try {
			const connector = createShopifyShop({ shop: 'alder-pine', clientId, clientSecret, baseUrl: shortServer.url, timeoutMs });
			await connector.findOrderByName('#1001');
			await connector.findOrderByName('#1001');
			expect(shortLived.tokenRequests()).toBe(1);
			// A token is trusted for at most half its life when that is shorter than the five-minute margin.
			await new Promise((resolve) => setTimeout(resolve, 1_100));
			await connector.findOrderByName('#1001');
			expect(shortLived.tokenRequests()).toBe(2);
			const graphqlRequests = shortLived.control.requests.filter((request) => request.path.endsWith('/graphql.json'));
			expect(graphqlRequests).toHaveLength(shortLived.calls().length);
			expect(shortLived.violations()).toEqual([]);
		} finally {
			await shortServer.stop();
		}
	});
});

describe('Shopify configuration', () => {
	it('reads Worker variables', () => {
		const config = shopifyEnvSchema.parse({
			SHOPIFY_SHOP: 'Alder-Pine.myshopify.com',
			SHOPIFY_ADMIN_TOKEN: 'shpat_x',
			SHOPIFY_RETURN_REASON_HANDLES: 'too-small = size-too-small, damaged=defective',
		});
		expect(config).toMatchObject({
			shop: 'alder-pine',
			accessToken: 'shpat_x',
			finalSaleTag: 'final-sale',
			returnReasonHandles: { 'too-small': 'size-too-small', damaged: 'defective' },
		});
	});

	it('refuses configurations that could aim our credentials elsewhere or carry none', () => {
		expect(shopifyEnvSchema.safeParse({ SHOPIFY_SHOP: 'evil.com#', SHOPIFY_ADMIN_TOKEN: 'x' }).success).toBe(false);
		expect(
			shopifyEnvSchema.safeParse({ SHOPIFY_SHOP: 'a', SHOPIFY_ADMIN_TOKEN: 'x', SHOPIFY_BASE_URL: 'http://shop.example' })
				.success,
		).toBe(false);
		expect(shopifyEnvSchema.safeParse({ SHOPIFY_SHOP: 'a' }).success).toBe(false);
		expect(shopifyEnvSchema.safeParse({ SHOPIFY_SHOP: 'a', SHOPIFY_CLIENT_ID: 'id' }).success).toBe(false);
		expect(
			shopifyEnvSchema.safeParse({ SHOPIFY_SHOP: 'a', SHOPIFY_ADMIN_TOKEN: 'x', SHOPIFY_RETURN_REASON_HANDLES: 'too-small' })
				.success,
		).toBe(false);
	});
});
