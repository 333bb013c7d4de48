import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../../functions/app';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { shopifyApi } from './shopify-api';

/**
 * An order lookup must do the same work whether the order exists or not (S1): a read or a round trip more for
 * existing orders would let anyone walk order numbers by timing the 404s.
 */

/** The D1 binding, with every statement it is asked to prepare written down. */
function recordingD1(db: D1Database) {
	const statements: string[] = [];
	const recorded = new Proxy(db, {
		get(target, property) {
			if (property === 'prepare')
				return (sql: string) => {
					statements.push(sql);
					return target.prepare(sql);
				};
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return { db: recorded, statements };
}

/** Lookups from addresses and for orders no other test uses, with limits out of the way. */
async function lookup(environment: object, orderNumber: string, email: string) {
	const response = await api.request(
		'/api/orders/lookup',
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250)}` },
			body: JSON.stringify({ orderNumber, email }),
		},
		{ ...environment, RATE_LIMIT_SCALE: '1000' },
	);
	return response.status;
}

describe('the demo shop', () => {
	it('reads D1 alike for an existing order and an unknown one', async () => {
		const existing = recordingD1(env.DB);
		expect((await createDemoShop(existing.db).findOrderByName('#1007'))?.name).toBe('#1007');
		const unknown = recordingD1(env.DB);
		expect(await createDemoShop(unknown.db).findOrderByName('#9997')).toBeUndefined();
		expect(existing.statements.length).toBeGreaterThan(0);
		expect(unknown.statements).toEqual(existing.statements);
	});

	it('answers a lookup of an unknown order and one with the wrong e-mail with the same D1 statements', async () => {
		const unknown = recordingD1(env.DB);
		expect(await lookup({ ...env, DB: unknown.db }, '#9997', 'ines.laurent@example.com')).toBe(404);
		const wrongEmail = recordingD1(env.DB);
		expect(await lookup({ ...env, DB: wrongEmail.db }, '#1007', 'someone.else@example.com')).toBe(404);
		expect(wrongEmail.statements).toEqual(unknown.statements);
	});
});

describe('Shopify', () => {
	const { fake, env: shopifyEnv } = shopifyApi('shpat_lookup_work');

	it('is asked the same for an existing order, an unknown one and one with the wrong e-mail', async () => {
		const requestsFor = async (orderNumber: string, email: string, status: number) => {
			fake.reset();
			expect(await lookup(shopifyEnv, orderNumber, email)).toBe(status);
			return fake.calls().map((call) => call.operation);
		};
		const existing = await requestsFor('#1004', 'jane.doe@example.com', 200);
		expect(await requestsFor('#9998', 'jane.doe@example.com', 404)).toEqual(existing);
		expect(await requestsFor('#1004', 'someone.else@example.com', 404)).toEqual(existing);
	});
});
