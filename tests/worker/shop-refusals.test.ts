import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { site } from '../../src/config/site';
import { readConfig } from '../../functions/config';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { ConnectorError } from '../../functions/connectors/errors';
import type { ShopConnector } from '../../functions/connectors/shop';
import type { Ticket } from '../../functions/domain/ticket';
import { decryptText } from '../../functions/services/crypto';
import { returnableItems } from '../../functions/services/eligibility';
import { getDataKey } from '../../functions/services/signing-key';
import { submitAddressChange } from '../../functions/services/submit-address-change';
import { submitReturn } from '../../functions/services/submit-return';

/** The demo shop, refusing changes the way the Shopify connector reports `userErrors`. */
function refusingShop(): ShopConnector {
	const demo = createDemoShop(env.DB);
	return {
		...demo,
		requestReturn: async () => {
			throw new ConnectorError('Shopify refused the return request (MISSING_PERMISSION)', { vendor: 'Shopify', kind: 'refused', status: 422 });
		},
		updateShippingAddress: async () => {
			throw new ConnectorError('Shopify refused the address change (shippingAddress.zip)', { vendor: 'Shopify', kind: 'refused', status: 422 });
		},
	};
}

async function storedTicket(reference: string): Promise<Ticket> {
	const row = await env.DB.prepare('SELECT ticket FROM submissions WHERE id = ?1').bind(reference).first<{ ticket: string }>();
	return JSON.parse(await decryptText(await getDataKey(readConfig(env), env.DB), row!.ticket)) as Ticket;
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => errors.mockRestore());

// The shopper is told the change was received (an agent finishes it); the agent and the log learn why.
describe('a change the shop refuses', () => {
	it('an address change goes to an agent with the fields Shopify refused, and the log says so without personal data', async () => {
		const deps = { db: env.DB, dataKey: await getDataKey(readConfig(env), env.DB), queue: env.FORWARD_QUEUE, shop: refusingShop() };
		const order = await deps.shop.findOrderByName('1001');
		const address = { firstName: 'Camille', lastName: 'Martin', address1: '4 rue Mercière', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };
		const result = await submitAddressChange(deps, order!, { address, locale: 'fr' }, 'token-refused-address');
		expect(result.status).toBe('received');
		const ticket = await storedTicket(result.reference);
		expect(ticket.body).toContain('The shop could not update the order automatically (Shopify refused the address change (shippingAddress.zip)): please change the address by hand.');
		expect(ticket.tags).toContain('needs-manual-action');
		const logged = errors.mock.calls.flat().join('\n');
		expect(logged).toContain(`address change ${result.reference}: left to an agent (Shopify refused the address change (shippingAddress.zip))`);
		expect(logged).not.toContain('Mercière');
		expect(logged).not.toContain('camille');
	});

	it('a return goes to an agent with Shopify’s refusal code', async () => {
		const deps = { db: env.DB, dataKey: await getDataKey(readConfig(env), env.DB), queue: env.FORWARD_QUEUE, shop: refusingShop() };
		const order = (await deps.shop.findOrderByName('1005'))!;
		const eligible = returnableItems(order, site.policies, Date.now());
		const request = { items: [{ lineItemId: 'gid://demo/LineItem/1005-1', quantity: 1, reasonId: 'too-large' }], resolution: 'refund' as const, locale: 'en' };
		const result = await submitReturn(deps, order, eligible, request, 'token-refused-return');
		expect(result.status).toBe('received');
		expect((await storedTicket(result.reference)).body).toContain('(Shopify refused the return request (MISSING_PERMISSION)): please create it by hand.');
		expect(errors.mock.calls.flat().join('\n')).toContain(`return ${result.reference}: left to an agent (Shopify refused the return request (MISSING_PERMISSION))`);
	});
});
