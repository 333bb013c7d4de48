import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { ConnectorError } from '../../functions/connectors/errors';
import type { ShopConnector } from '../../functions/connectors/shop';
import type { NewAddress } from '../../functions/contract/requests';
import { submitAddressChange } from '../../functions/services/submit-address-change';
import { captureErrorLog, demoOrder, storedSubmission, submissionDeps, thrown } from './support';

const newAddress: NewAddress = { firstName: 'Camille', lastName: 'Martin', address1: '4 rue Mercière', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };

const log = captureErrorLog();

describe('submitAddressChange with the demo shop', () => {
	it('changes the address in the shop, answers it in full, and notes the old and new address for agents', async () => {
		const deps = await submissionDeps();
		const order = await demoOrder('1001', deps.shop);
		const address = { ...newAddress, address2: 'Bâtiment B', postalCode: 'sw1a 1aa', countryCode: 'GB', city: 'London', phone: '+44 20 7946 0000' };
		const result = await submitAddressChange(deps, order, { address, locale: 'en' }, 'token-address-ok');
		const expected = { ...address, postalCode: 'SW1A 1AA', province: null };
		expect(result).toEqual({ reference: expect.stringMatching(/^HC-/), status: 'updated', address: expected, confirmationTo: 'c•••@example.com' });
		expect((await demoOrder('1001', deps.shop)).shippingAddress).toEqual(expected);
		const stored = await storedSubmission(result.reference);
		expect(stored).toMatchObject({ kind: 'address_change', order_id: order.id, token_id: 'token-address-ok', shop_reference: null });
		expect(stored.ticket).toEqual({
			reference: result.reference,
			kind: 'address_change',
			customer: { name: 'Camille Martin', email: 'camille.martin@example.com' },
			subject: 'Shipping address changed for order #1001',
			body: [
				`Address change ${result.reference} for order #1001`,
				'',
				'Previous address:',
				'Camille Martin\n12 rue de la République\n69002 Lyon\nFR',
				'',
				'New address:',
				'Camille Martin\n4 rue Mercière\nBâtiment B\nSW1A 1AA London\nGB\n+44 20 7946 0000',
			].join('\n'),
			locale: 'en',
			tags: ['address-change', 'order-verified'],
			orderName: '#1001',
		});
		expect(deps.queue.sent).toEqual([result.reference]);
	});

	it('answers `received` and asks an agent to change it by hand when the shop refuses', async () => {
		const refusal = new ConnectorError('Shopify refused the address change (shippingAddress.zip)', { vendor: 'Shopify', kind: 'refused', status: 422 });
		const shop: ShopConnector = { ...createDemoShop(env.DB), updateShippingAddress: async () => Promise.reject(refusal) };
		const deps = await submissionDeps(shop);
		const order = await demoOrder('1002', shop);
		const result = await submitAddressChange(deps, order, { address: newAddress, locale: 'fr' }, 'token-address-refused');
		expect(result.status).toBe('received');
		const stored = await storedSubmission(result.reference);
		expect(stored.ticket?.subject).toBe('Adresse de livraison modifiée pour la commande #1002');
		expect(stored.ticket?.body).toMatch(
			/\n\nThe shop could not update the order automatically \(Shopify refused the address change \(shippingAddress\.zip\)\): please change the address by hand\.$/,
		);
		expect(stored.ticket?.tags).toContain('needs-manual-action');
		expect(log.lines).toEqual([`address change ${result.reference}: left to an agent (Shopify refused the address change (shippingAddress.zip))`]);
		// The shop kept the address it had.
		expect((await demoOrder('1002', shop)).shippingAddress?.address1).toBe('Kastanienallee 5');
		expect(deps.queue.sent).toEqual([result.reference]);
	});

	it('makes one address change per change token', async () => {
		const deps = await submissionDeps();
		const order = await demoOrder('1001', deps.shop);
		const first = await submitAddressChange(deps, order, { address: newAddress, locale: 'en' }, 'token-address-once');
		const second = await thrown(() => submitAddressChange(deps, order, { address: { ...newAddress, city: 'Paris', postalCode: '75001' }, locale: 'en' }, 'token-address-once'));
		expect(second).toMatchObject({ status: 409, code: 'action_unavailable', extra: { details: { code: 'already_submitted', reference: first.reference } } });
		expect((await demoOrder('1001', deps.shop)).shippingAddress?.city).toBe('Lyon');
		expect(deps.queue.sent).toEqual([first.reference]);
	});
});
