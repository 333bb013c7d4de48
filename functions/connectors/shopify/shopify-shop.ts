import type { Address, Order, ProductOption } from '../../domain/order';
import { ConnectorError, temporaryFailure } from '../errors';
import { type ConnectorDeps, resolveFetch } from '../http';
import type { ReturnLineRequest, ShopConnector } from '../shop';
import { singleLine } from '../text';
import { accessTokenSource } from './access-token';
import { type ShopifyConfigInput, shopifyConfigSchema, shopifyVendor as vendor } from './config';
import {
	exchangeOptionsQuery,
	orderChangeabilityQuery,
	orderDetailQuery,
	orderLookupQuery,
	orderUpdateMutation,
	returnableFulfillmentsQuery,
	returnRequestMutation,
} from './documents';
import { graphqlRunner } from './graphql-client';
import { mapOrder } from './map-order';
import {
	exchangeOptionsSchema,
	orderChangeabilitySchema,
	orderDetailSchema,
	orderLookupSchema,
	orderUpdateSchema,
	returnableFulfillmentsSchema,
	returnRequestSchema,
} from './payloads';
import { returnReasonResolver } from './return-reasons';

/** Order numbers as shoppers type them: digits only, optionally after `#` (S2, S10). */
const orderNumberPattern = /^#?(\d{1,12})$/;
const orderIdPattern = /^gid:\/\/shopify\/Order\/\d{1,20}$/;
const fulfillmentLineItemIdPattern = /^gid:\/\/shopify\/FulfillmentLineItem\/\d{1,20}$/;
/** Shopify's cap on `customerNote`. */
const customerNoteMax = 300;

/** The state changed under us (fulfilled meanwhile, quantity already returned): HTTP 409 semantics. */
function conflict(message: string): ConnectorError {
	return new ConnectorError(message, { vendor, kind: 'refused', status: 409 });
}

/**
 * Shopify answered the mutation with `userErrors`: HTTP 422 semantics. The message names the error codes (or the
 * fields) only: Shopify's own wording can quote what the shopper typed.
 */
function refused(operation: string, codes: (string | null | undefined)[]): ConnectorError {
	const known = [...new Set(codes.filter((code): code is string => typeof code === 'string' && /^[A-Za-z0-9_.]{1,64}$/.test(code)))];
	return new ConnectorError(`${vendor} refused ${operation}${known.length > 0 ? ` (${known.join(', ')})` : ''}`, {
		vendor,
		kind: 'refused',
		status: 422,
	});
}

function comparable(value: string | null | undefined): string {
	return (value ?? '').replace(/\s+/g, '').toUpperCase();
}

/**
 * The shop connector for Shopify's Admin GraphQL API (version pinned in config.ts). Failures are
 * ConnectorErrors: `unavailable` (retryable) for outages, timeouts and throttling (with the wait Shopify implies);
 * `refused` with status 409 when the order no longer allows the change (fulfilled meanwhile, nothing left to
 * return), 422 when Shopify refused a mutation with `userErrors`, the HTTP status otherwise.
 */
export function createShopifyShop(configInput: ShopifyConfigInput, deps?: ConnectorDeps): ShopConnector {
	const config = shopifyConfigSchema.parse(configInput);
	const fetchFn = resolveFetch(deps);
	const run = graphqlRunner(config, fetchFn, accessTokenSource(config, fetchFn));
	const resolveReasons = returnReasonResolver(run, config.returnReasonHandles);

	async function getOrder(id: string): Promise<Order | undefined> {
		if (!orderIdPattern.test(id)) return undefined;
		const data = await run(orderDetailQuery, { id }, orderDetailSchema);
		return data.order ? mapOrder(data.order, config.finalSaleTag) : undefined;
	}

	return {
		async findOrderByName(name) {
			const digits = orderNumberPattern.exec(name.trim())?.[1];
			// Anything else (search syntax, wildcards, `OR`) never reaches Shopify.
			if (digits === undefined) return undefined;
			const wanted = `#${digits}`;
			const data = await run(orderLookupQuery, { query: `name:${wanted}` }, orderLookupSchema);
			// `name:` may match by prefix (#1001 for #100): only the exact name counts.
			const match = data.orders.nodes.find((node) => node.name === wanted);
			return match ? mapOrder(match, config.finalSaleTag) : undefined;
		},

		getOrder,

		async requestReturn(order, lines) {
			if (!orderIdPattern.test(order.id)) throw conflict('not a Shopify order');
			if (
				lines.length === 0 ||
				lines.some(
					(line) =>
						!fulfillmentLineItemIdPattern.test(line.fulfillmentLineItemId) ||
						!Number.isInteger(line.quantity) ||
						line.quantity < 1,
				)
			) {
				throw new ConnectorError('invalid return lines', { vendor, kind: 'refused', status: 422 });
			}
			const returnable = await returnableQuantities(order.id);
			const requested = new Map<string, number>();
			for (const line of lines)
				requested.set(line.fulfillmentLineItemId, (requested.get(line.fulfillmentLineItemId) ?? 0) + line.quantity);
			for (const [fulfillmentLineItemId, quantity] of requested) {
				if (quantity > (returnable.get(fulfillmentLineItemId) ?? 0)) throw conflict('more items than can still be returned');
			}

			const reasons = await resolveReasons(lines.map((line) => line.reasonId));
			const data = await run(
				returnRequestMutation,
				{ input: { orderId: order.id, returnLineItems: lines.map((line) => returnLineInput(line, reasons.get(line.reasonId))) } },
				returnRequestSchema,
			);
			const payload = data.returnRequest;
			if (payload && payload.userErrors.length > 0)
				throw refused(
					'the return request',
					payload.userErrors.map((error) => error.code),
				);
			if (!payload?.return) throw temporaryFailure({ vendor, detail: 'return request without a return' });
			// A requested return has no label yet: the merchant adds one when approving it, and Shopify e-mails it.
			return { returnId: payload.return.id, labelUrl: null };
		},

		async exchangeOptions(order) {
			if (!orderIdPattern.test(order.id)) return {};
			const data = await run(exchangeOptionsQuery, { id: order.id }, exchangeOptionsSchema);
			const options: Record<string, ProductOption[]> = {};
			for (const item of data.order?.lineItems.nodes ?? []) {
				const selected = new Map(item.variant?.selectedOptions.map((option) => [option.name, option.value]));
				// A product with one variant has the single option "Title": nothing to choose from.
				const choices = (item.product?.options ?? [])
					.map((option) => ({ name: option.name, values: option.optionValues.map((value) => value.name), selected: selected.get(option.name) ?? null }))
					.filter((option) => option.values.length > 1);
				if (choices.length > 0) options[item.id] = choices;
			}
			return options;
		},

		async updateShippingAddress(order, address) {
			if (!orderIdPattern.test(order.id)) throw conflict('not a Shopify order');
			await assertAddressChangeable(order.id);
			const input = shippingAddressInput(address);
			const data = await run(orderUpdateMutation, { input: { id: order.id, shippingAddress: input } }, orderUpdateSchema);
			const payload = data.orderUpdate;
			if (payload && payload.userErrors.length > 0) {
				throw refused('the address change', payload.userErrors.map((error) => error.code ?? error.field?.join('.')));
			}
			const saved = payload?.order?.shippingAddress;
			// Shopify has been seen answering success without applying the change: compare what it now holds.
			const applied =
				saved &&
				comparable(saved.address1) === comparable(input.address1) &&
				comparable(saved.city) === comparable(input.city) &&
				comparable(saved.zip) === comparable(input.zip) &&
				comparable(saved.countryCodeV2) === comparable(input.countryCode);
			if (!applied) throw new ConnectorError(`${vendor} did not apply the address change`, { vendor, kind: 'refused', status: 502 });
		},
	};

	async function returnableQuantities(orderId: string): Promise<Map<string, number>> {
		const data = await run(returnableFulfillmentsQuery, { orderId }, returnableFulfillmentsSchema);
		const quantities = new Map<string, number>();
		for (const { node } of data.returnableFulfillments.edges) {
			for (const { node: item } of node.returnableFulfillmentLineItems.edges) {
				quantities.set(item.fulfillmentLineItem.id, (quantities.get(item.fulfillmentLineItem.id) ?? 0) + item.quantity);
			}
		}
		return quantities;
	}

	/** Re-reads the order right before changing it: unfulfilled, not cancelled, nothing sent to a warehouse. */
	async function assertAddressChangeable(orderId: string): Promise<void> {
		const { order } = await run(orderChangeabilityQuery, { id: orderId }, orderChangeabilitySchema);
		if (!order) throw conflict('order not found');
		const unfulfilled = order.displayFulfillmentStatus === 'UNFULFILLED' || order.displayFulfillmentStatus === 'OPEN';
		const untouched = order.fulfillmentOrders.nodes
			.filter((fulfillmentOrder) => fulfillmentOrder.status !== 'CANCELLED')
			.every((fulfillmentOrder) => fulfillmentOrder.status === 'OPEN' && fulfillmentOrder.requestStatus === 'UNSUBMITTED');
		if (order.cancelledAt !== null || !unfulfilled || !untouched) throw conflict('the order can no longer be changed');
	}
}

function returnLineInput(line: ReturnLineRequest, returnReasonDefinitionId: string | undefined) {
	// The size or colour wanted in exchange comes first: it must survive the cut to 300 characters.
	const wanted = line.exchangeFor === null ? '' : `Exchange for: ${line.exchangeFor}.`;
	const note = [wanted, line.customerNote === null ? '' : line.customerNote].filter(Boolean).map((text) => singleLine(text, customerNoteMax)).join(' ');
	// Without a matching definition the reason still reaches the merchant, in the note.
	const customerNote = returnReasonDefinitionId ? note : `[${line.reasonId}] ${note}`.trim();
	return {
		fulfillmentLineItemId: line.fulfillmentLineItemId,
		quantity: line.quantity,
		...(returnReasonDefinitionId ? { returnReasonDefinitionId } : {}),
		...(customerNote ? { customerNote: customerNote.slice(0, customerNoteMax) } : {}),
	};
}

/** MailingAddressInput with every field Shopify needs to accept a full replacement; absent ones are left out. */
function shippingAddressInput(address: Address) {
	return {
		firstName: address.firstName,
		lastName: address.lastName,
		address1: address.address1,
		...(address.address2 ? { address2: address.address2 } : {}),
		city: address.city,
		...(address.province ? { provinceCode: address.province } : {}),
		zip: address.postalCode,
		countryCode: address.countryCode,
		...(address.phone ? { phone: address.phone } : {}),
	};
}
