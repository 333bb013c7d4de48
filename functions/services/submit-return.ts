import { site } from '../../src/config/site';
import { translate } from '../../src/i18n/translate';
import type { ReturnLineRequest } from '../connectors/shop';
import { estimateRefund, formatMoney, labelFeePolicy, type RefundEstimate } from '../contract/refund-estimate';
import type { Order, ProductOption } from '../domain/order';
import type { Ticket } from '../domain/ticket';
import { ApiError } from '../errors';
import type { ReturnRequest } from '../contract/requests';
import type { ReturnCreatedResponse } from '../contract/responses';
import { refundLines, returnConfirmationEmail } from './confirmation-emails';
import { newReference } from './crypto';
import type { ReturnableItem } from './eligibility';
import { submitShopChange, type SubmissionDeps } from './submissions';
import { maskEmail } from './verification-codes';

/** The label policy of content/site.yaml, the one the articles and the return page state. */
const labelFee = labelFeePolicy(site.policies.returnLabelFee);

const invalid = (message: string, path: string, problem: string) => new ApiError(400, 'invalid_request', message, { fields: [{ path, problem }] });

/**
 * What the shopper wants in exchange for one item, in words for the shop, the ticket and the e-mail: the chosen
 * options ("Colour: Navy, Size: L"), checked against what the product comes in when the shop says, then any note.
 */
function exchangeChoice(line: ReturnRequest['items'][number], known: ProductOption[] | undefined): string {
	const options = line.exchange?.options ?? [];
	for (const option of options) {
		const offered = known?.find((candidate) => candidate.name === option.name);
		if (known && known.length > 0 && !offered?.values.includes(option.value)) {
			throw invalid('Choose one of the sizes or colours listed for this item.', 'items.exchange.options', 'unknown_option');
		}
	}
	const chosen = options.map((option) => `${option.name}: ${option.value}`).join(', ');
	const text = [chosen, line.exchange?.note ?? ''].filter(Boolean).join(' — ');
	if (!text) throw invalid('Tell us which size or colour you would like instead.', 'items.exchange', 'exchange_choice_required');
	return text;
}

/** Checks the requested lines against what can be returned and spreads each over the parcels that hold it. */
function planReturn(order: Order, eligible: ReturnableItem[], request: ReturnRequest, exchangeOptions: Record<string, ProductOption[]>): ReturnLineRequest[] {
	const reasons = new Set(site.policies.returnReasons.map((reason) => reason.id));
	const requested = new Map<string, { quantity: number; reasonId: string; exchangeFor: string | null }>();
	for (const line of request.items) {
		if (!reasons.has(line.reasonId)) {
			throw invalid('Choose one of the listed return reasons.', 'items.reasonId', 'unknown_reason');
		}
		const exchangeFor = request.resolution === 'exchange' ? exchangeChoice(line, exchangeOptions[line.lineItemId]) : null;
		const previous = requested.get(line.lineItemId);
		requested.set(line.lineItemId, { quantity: (previous?.quantity ?? 0) + line.quantity, reasonId: line.reasonId, exchangeFor });
	}
	const plan: ReturnLineRequest[] = [];
	for (const [lineItemId, { quantity, reasonId, exchangeFor }] of requested) {
		const item = eligible.find((candidate) => candidate.lineItemId === lineItemId);
		if (!item || !order.lineItems.some((line) => line.id === lineItemId)) {
			throw invalid('One of the items is not part of this order.', 'items.lineItemId', 'unknown_item');
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
			plan.push({ lineItemId, fulfillmentLineItemId: parcel.fulfillmentLineItemId, quantity: take, reasonId, customerNote: request.comment?.slice(0, 300) ?? null, exchangeFor });
			remaining -= take;
		}
	}
	return plan;
}

/** The plan's lines merged back per item (a line spread over parcels is one item for the shopper). */
function itemsOf(plan: ReturnLineRequest[]): Omit<ReturnLineRequest, 'fulfillmentLineItemId' | 'customerNote'>[] {
	const items = new Map<string, Omit<ReturnLineRequest, 'fulfillmentLineItemId' | 'customerNote'>>();
	for (const line of plan) {
		const item = items.get(line.lineItemId);
		if (item) item.quantity += line.quantity;
		else items.set(line.lineItemId, { lineItemId: line.lineItemId, quantity: line.quantity, reasonId: line.reasonId, exchangeFor: line.exchangeFor });
	}
	return [...items.values()];
}

/** "1 × Merino T-shirt (Black / L): Too small", with what is wanted in exchange, in `locale`. */
function describeLines(order: Order, plan: ReturnLineRequest[], locale: string): string[] {
	const reasonLabel = (id: string) => site.policies.returnReasons.find((reason) => reason.id === id)?.label[locale] ?? id;
	return itemsOf(plan).map((line) => {
		const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
		const title = `${item?.title ?? line.lineItemId}${item?.variantTitle ? ` (${item.variantTitle})` : ''}`;
		const text = translate(locale, 'api.confirm.return.item', { quantity: line.quantity, item: title, reason: reasonLabel(line.reasonId) });
		return line.exchangeFor ? `${text}, ${translate(locale, 'api.confirm.return.exchangeFor', { choice: line.exchangeFor })}` : text;
	});
}

function returnTicket(reference: string, order: Order, plan: ReturnLineRequest[], request: ReturnRequest, refund: RefundEstimate): Ticket {
	const locale = request.locale;
	const customerName = [order.shippingAddress?.firstName, order.shippingAddress?.lastName].filter(Boolean).join(' ') || (order.email ?? '');
	return {
		reference,
		kind: 'return',
		customer: { name: customerName, email: order.email ?? '' },
		subject: translate(locale, 'api.ticket.returnSubject', { order: order.name }),
		body: [
			`Return ${reference} for order ${order.name}`,
			...describeLines(order, plan, locale).map((line) => `- ${line}`),
			`Resolution: ${request.resolution}`,
			// Agents read what the shopper was told, in the shopper's words, so nobody promises another amount.
			...refundLines(locale, refund),
			...(request.comment ? ['', `Comment from the customer:`, request.comment] : []),
		].join('\n'),
		locale,
		tags: ['return', 'order-verified', ...(request.resolution === 'exchange' ? ['exchange'] : [])],
		orderName: order.name,
	};
}

/** What happens next, in the shopper's language: the label, the drop-off deadline, the refund or exchange. */
function nextSteps(locale: string, resolution: ReturnRequest['resolution'], refund: RefundEstimate, labelUrl: string | null): string[] {
	const amount = refund.total ? formatMoney(refund.total, locale) : null;
	const resolutionStep: Record<ReturnRequest['resolution'], string> = {
		refund: amount ? translate(locale, 'api.return.nextSteps.refundAmount', { amount }) : translate(locale, 'api.return.nextSteps.refund'),
		exchange: translate(locale, 'api.return.nextSteps.exchange'),
		store_credit: amount ? translate(locale, 'api.return.nextSteps.storeCreditAmount', { amount }) : translate(locale, 'api.return.nextSteps.storeCredit'),
	};
	return [
		translate(locale, labelUrl ? 'api.return.nextSteps.labelLink' : 'api.return.nextSteps.labelLater'),
		// The deadline is the shop's policy (content/site.yaml), the one the articles and the return page state.
		translate(locale, 'api.return.nextSteps.dropOff', { days: site.policies.returnWindowDays }),
		resolutionStep[resolution],
	];
}

/** The sizes and colours the shop lists for the order's items; none when it cannot say right now (free text then). */
async function knownExchangeOptions(deps: SubmissionDeps, order: Order, request: ReturnRequest): Promise<Record<string, ProductOption[]>> {
	if (request.resolution !== 'exchange' || !request.items.some((item) => (item.exchange?.options.length ?? 0) > 0)) return {};
	try {
		return await deps.shop.exchangeOptions(order);
	} catch {
		return {};
	}
}

/**
 * Records a return: written to the outbox first, then requested from the shop (Shopify `returnRequest`, approved
 * by the merchant), then forwarded to the helpdesk, and confirmed to the shopper by e-mail (with the label when the
 * shop made one). If the shop is unreachable the ticket asks an agent to create the return, and the shopper is told
 * it was received. One return per change token (`tokenId`).
 */
export async function submitReturn(deps: SubmissionDeps, order: Order, eligible: ReturnableItem[], request: ReturnRequest, tokenId: string): Promise<ReturnCreatedResponse> {
	const plan = planReturn(order, eligible, request, await knownExchangeOptions(deps, order, request));
	const items = itemsOf(plan);
	const unitPrice = (lineItemId: string) => order.lineItems.find((item) => item.id === lineItemId)?.unitPrice ?? null;
	const refund = estimateRefund(items.map((item) => ({ ...item, unitPrice: unitPrice(item.lineItemId) })), request.resolution, labelFee);
	const reference = newReference();
	const ticket = returnTicket(reference, order, plan, request, refund);
	const email = order.email ?? '';
	const name = order.shippingAddress?.firstName ?? '';
	let labelUrl: string | null = null;
	const confirmation = () =>
		returnConfirmationEmail({
			reference,
			to: email,
			name,
			locale: request.locale,
			orderName: order.name,
			lines: describeLines(order, plan, request.locale),
			refund,
			labelUrl,
			nextSteps: nextSteps(request.locale, request.resolution, refund, labelUrl),
		});
	const { applied } = await submitShopChange(deps, { ticket, orderId: order.id, tokenId, confirmation }, {
		label: 'return',
		apply: async () => {
			const created = await deps.shop.requestReturn(order, plan);
			labelUrl = safeLabelUrl(created.labelUrl);
			return { shopReference: created.returnId };
		},
		manualNote: (reason) => `The shop could not record this return automatically (${reason}): please create it by hand.`,
	});
	return {
		reference,
		status: applied ? 'requested' : 'received',
		items,
		resolution: request.resolution,
		refund: { items: refund.items, labelFee: refund.labelFee, total: refund.total },
		labelUrl,
		confirmationTo: maskEmail(email),
		nextSteps: nextSteps(request.locale, request.resolution, refund, labelUrl),
	};
}

/** A label is shown and mailed only as an https address. */
function safeLabelUrl(value: string | null): string | null {
	if (!value) return null;
	try {
		return new URL(value).protocol === 'https:' ? value : null;
	} catch {
		return null;
	}
}
