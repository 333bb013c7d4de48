import { translate } from '../../src/i18n/translate';
import type { Address, Order } from '../domain/order';
import type { Ticket } from '../domain/ticket';
import type { NewAddress } from '../contract/requests';
import type { AddressChangedResponse } from '../contract/responses';
import { addressConfirmationEmail } from './confirmation-emails';
import { newReference } from './crypto';
import { maskEmail } from './verification-codes';
import { submitShopChange, type SubmissionDeps } from './submissions';

function formatAddress(address: Address): string {
	return [
		`${address.firstName} ${address.lastName}`,
		address.address1,
		address.address2,
		`${address.postalCode} ${address.city}`,
		address.province,
		address.countryCode,
		address.phone,
	]
		.filter(Boolean)
		.join('\n');
}

/**
 * Changes the shipping address: written to the outbox first, then applied in the shop (Shopify `orderUpdate`),
 * then noted in the helpdesk so agents (and any warehouse that already pulled the order) know. One address change
 * per change token (`tokenId`).
 */
export async function submitAddressChange(deps: SubmissionDeps, order: Order, request: { address: NewAddress; locale: string }, tokenId: string): Promise<AddressChangedResponse> {
	const address: Address = {
		firstName: request.address.firstName,
		lastName: request.address.lastName,
		address1: request.address.address1,
		address2: request.address.address2 ?? null,
		city: request.address.city,
		province: request.address.province ?? null,
		postalCode: request.address.postalCode.toUpperCase(),
		countryCode: request.address.countryCode,
		phone: request.address.phone ?? null,
	};
	const reference = newReference();
	const ticket: Ticket = {
		reference,
		kind: 'address_change',
		customer: { name: `${address.firstName} ${address.lastName}`, email: order.email ?? '' },
		subject: translate(request.locale, 'api.ticket.addressSubject', { order: order.name }),
		body: [
			`Address change ${reference} for order ${order.name}`,
			'',
			'Previous address:',
			order.shippingAddress ? formatAddress(order.shippingAddress) : '(none)',
			'',
			'New address:',
			formatAddress(address),
		].join('\n'),
		locale: request.locale,
		tags: ['address-change', 'order-verified'],
		orderName: order.name,
	};
	const email = order.email ?? '';
	const confirmation = (applied: boolean) =>
		addressConfirmationEmail({ reference, to: email, locale: request.locale, orderName: order.name, address, applied, formatted: formatAddress(address) });
	const { applied } = await submitShopChange(deps, { ticket, orderId: order.id, tokenId, confirmation }, {
		label: 'address change',
		apply: async () => {
			await deps.shop.updateShippingAddress(order, address);
			return { shopReference: null };
		},
		manualNote: (reason) => `The shop could not update the order automatically (${reason}): please change the address by hand.`,
	});
	return { reference, status: applied ? 'updated' : 'received', address, confirmationTo: maskEmail(email) };
}
