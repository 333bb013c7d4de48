import { describe, expect, it } from 'vitest';
import { api } from '../../functions/app';
import { shopifyApi } from './shopify-api';
import { captureErrorLog } from './support';

/** The API with Shopify as its shop, played by the fake. */
const { fake, env: shopifyEnv } = shopifyApi('shpat_services_test');

let ip = 0;
async function lookup() {
	ip += 1;
	const response = await api.request(
		'/api/orders/lookup',
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `192.0.2.${ip}` },
			body: JSON.stringify({ orderNumber: '#1001', email: 'jane.doe@example.com' }),
		},
		shopifyEnv,
	);
	return { status: response.status, retryAfter: response.headers.get('Retry-After'), text: await response.text() };
}

const log = captureErrorLog();

describe('a shop failure that reaches the API', () => {
	it('is none while the shop answers (the fake is the shop these tests talk to)', async () => {
		const answer = await lookup();
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text).order.name).toBe('#1001');
	});

	it('down, slow or throttling: 503 shop_unavailable, with when to try again', async () => {
		fake.setFaults({ fail500: 1 });
		const down = await lookup();
		expect(down.status).toBe(503);
		expect(JSON.parse(down.text)).toEqual({ error: { code: 'shop_unavailable', message: 'The shop is not answering right now. Please try again in a moment.' } });
		expect(down.retryAfter).toBe('5');
		expect(log.lines).toEqual(['api error: shop unavailable (HTTP 500)']);
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 4 });
		expect(await lookup()).toMatchObject({ status: 503, retryAfter: '4' });
	});

	it('refused for good (4xx, or a query Shopify rejects): 502 shop_refused, without the vendor, its words or a stack, and logged for the team', async () => {
		const refused = { error: { code: 'shop_refused', message: 'The shop could not do this right now. Write to us and we will do it for you.' } };
		fake.respondOnce({ status: 403, body: { errors: 'Forbidden' } });
		const forbidden = await lookup();
		expect(forbidden.status).toBe(502);
		expect(JSON.parse(forbidden.text)).toEqual(refused);
		expect(forbidden.retryAfter).toBeNull();
		expect(log.lines).toEqual(['api error: shop refused (HTTP 403): Shopify refused the request (HTTP 403)']);
		fake.respondOnce({ status: 200, body: { errors: [{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED' } }] } });
		const denied = await lookup();
		expect(denied.status).toBe(502);
		expect(JSON.parse(denied.text)).toEqual(refused);
		expect(log.lines).toContain('api error: shop refused (HTTP 200): Shopify rejected the query (ACCESS_DENIED)');
	});
});
