import { site } from '../../src/config/site';
import { translate, type UiKey } from '../../src/i18n/translate';
import type { ReturnLineRequest } from '../connectors/shop';
import type { Order } from '../domain/order';
import type { Ticket } from '../domain/ticket';
import { ApiError } from '../errors';
import type { ReturnRequest } from '../contract/requests';
import type { ReturnCreatedResponse } from '../contract/responses';
import { newReference } from './crypto';
import type { ReturnableItem } from './eligibility';
import { submitShopChange, type SubmissionDeps } from './submissions';

const resolutionStep: Record<ReturnRequest['resolution'], UiKey> = {
	refund: 'api.return.nextSteps.refund',
	exchange: 'api.return.nextSteps.exchange',
	store_credit: 'api.return.nextSteps.storeCredit',
};

/** Checks the requested lines against what can be returned and spreads each over the parcels that hold it. */
function planReturn(order: Order, eligible: ReturnableItem[], request: ReturnRequest): ReturnLineRequest[] {
	const reasons = new Set(site.policies.returnReasons.map((reason) => reason.id));
	const requested = new Map<string, { quantity: number; reasonId: string }>();
	for (const line of request.items) {
		if (!reasons.has(line.reasonId)) {
			throw new ApiError(400, 'invalid_request', 'Choose one of the listed return reasons.', { fields: [{ path: 'items.reasonId', problem: 'unknown_reason' }] });
		}
		const previous = requested.get(line.lineItemId);
		requested.set(line.lineItemId, { quantity: (previous?.quantity ?? 0) + line.quantity, reasonId: line.reasonId });
	}
	const plan: ReturnLineRequest[] = [];
	for (const [lineItemId, { quantity, reasonId }] of requested) {
		const item = eligible.find((candidate) => candidate.lineItemId === lineItemId);
		if (!item || !order.lineItems.some((line) => line.id === lineItemId)) {
			throw new ApiError(400, 'invalid_request', 'One of the items is not part of this order.', { fields: [{ path: 'items.lineItemId', problem: 'unknown_item' }] });
		}
		if (quantity > item.returnableQuantity) {
			const reason = item.reason ?? { code: 'already_returned' as const };
			throw new ApiError(409, 'action_unavailable', translate(request.locale, `api.item.${reason.code}`, { ...reason }), {
				details: { lineItemId, returnableQuantity: item.returnableQuantity, ...reason },
			});
		}
		let remaining = quantity;
		for (const parcel of item.parcels) {
			if (remaining === 0) break;
			const take = Math.min(remaining, parcel.quantity);
			plan.push({ lineItemId, fulfillmentLineItemId: parcel.fulfillmentLineItemId, quantity: take, reasonId, customerNote: request.comment?.slice(0, 300) ?? null });
			remaining -= take;
		}
	}
	return plan;
}

function returnTicket(reference: string, order: Order, plan: ReturnLineRequest[], request: ReturnRequest): Ticket {
	const locale = request.locale;
	const reasonLabel = (id: string) => site.policies.returnReasons.find((reason) => reason.id === id)?.label[locale] ?? id;
	const lines = plan.map((line) => {
		const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
		return `- ${line.quantity} × ${item?.title ?? line.lineItemId}${item?.variantTitle ? ` (${item.variantTitle})` : ''}: ${reasonLabel(line.reasonId)}`;
	});
	const customerName = [order.shippingAddress?.firstName, order.shippingAddress?.lastName].filter(Boolean).join(' ') || (order.email ?? '');
	return {
		reference,
		kind: 'return',
		customer: { name: customerName, email: order.email ?? '' },
		subject: translate(locale, 'api.ticket.returnSubject', { order: order.name }),
		body: [
			`Return ${reference} for order ${order.name}`,
			...lines,
			`Resolution: ${request.resolution}`,
			...(request.comment ? ['', `Comment from the customer:`, request.comment] : []),
		].join('\n'),
		locale,
		tags: ['return', 'order-verified'],
		orderName: order.name,
	};
}

/**
 * Records a return: written to the outbox first, then requested from the shop (Shopify `returnRequest`, approved
 * by the merchant), then forwarded to the helpdesk. If the shop is unreachable the ticket asks an agent to
 * create the return, and the shopper is told it was received. One return per change token (`tokenId`).
 */
export async function submitReturn(deps: SubmissionDeps, order: Order, eligible: ReturnableItem[], request: ReturnRequest, tokenId: string): Promise<ReturnCreatedResponse> {
	const plan = planReturn(order, eligible, request);
	const reference = newReference();
	const ticket = returnTicket(reference, order, plan, request);
	const { applied } = await submitShopChange(deps, { ticket, orderId: order.id, tokenId }, {
		label: 'return',
		apply: async () => ({ shopReference: (await deps.shop.requestReturn(order, plan)).returnId }),
		manualNote: (reason) => `The shop could not record this return automatically (${reason}): please create it by hand.`,
	});
	const t = (key: UiKey) => translate(request.locale, key);
	return {
		reference,
		status: applied ? 'requested' : 'received',
		items: plan.map(({ lineItemId, quantity, reasonId }) => ({ lineItemId, quantity, reasonId })),
		resolution: request.resolution,
		nextSteps: [
			t('api.return.nextSteps.label'),
			// The deadline is the shop's policy (content/site.yaml), the one the articles and the return page state.
			translate(request.locale, 'api.return.nextSteps.dropOff', { days: site.policies.returnWindowDays }),
			t(resolutionStep[request.resolution]),
		],
	};
}
