import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';
import { createDemoShop } from '../../functions/connectors/demo-shop/demo-shop';
import { temporaryFailure } from '../../functions/connectors/errors';
import type { ReturnLineRequest, ShopConnector } from '../../functions/connectors/shop';
import type { Order } from '../../functions/domain/order';
import type { ReturnRequest } from '../../functions/contract/requests';
import { ApiError } from '../../functions/errors';
import { returnableItems } from '../../functions/services/eligibility';
import { submitReturn } from '../../functions/services/submit-return';
import { captureErrorLog, demoOrder, storedSubmission, submissionDeps, thrown } from './support';

const lineItem = (id: string) => `gid://demo/LineItem/${id}`;

function request(items: ReturnRequest['items'], extra: Partial<ReturnRequest> = {}): ReturnRequest {
	return { items, resolution: 'refund', locale: 'en', ...extra };
}

/** Submits a return for the order as the route does, with what is returnable now. */
async function submit(deps: Awaited<ReturnType<typeof submissionDeps>>, order: Order, body: ReturnRequest, tokenId: string = crypto.randomUUID()) {
	return submitReturn(deps, order, returnableItems(order, site.policies, Date.now()), body, tokenId);
}

const log = captureErrorLog();

describe('submitReturn with the demo shop', () => {
	it('requests the return from the shop, answers next steps in the shopper’s language and records a ticket for agents', async () => {
		const deps = await submissionDeps();
		const order = await demoOrder('1005', deps.shop);
		const exchange = { options: [{ name: 'Size', value: 'M' }] };
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-2'), quantity: 1, reasonId: 'too-large', exchange }], { resolution: 'exchange', comment: 'Runs small.', locale: 'fr' }));
		expect(result).toEqual({
			reference: expect.stringMatching(/^HC-[2-9A-HJ-NP-Z]{10}$/),
			status: 'requested',
			items: [{ lineItemId: lineItem('1005-2'), quantity: 1, reasonId: 'too-large', exchangeFor: 'Size: M' }],
			resolution: 'exchange',
			// An exchange gives no money back, and its label is free (content/site.yaml).
			refund: { items: { amount: 4500, currencyCode: 'EUR' }, labelFee: null, total: null },
			labelUrl: null,
			confirmationTo: 'l•••@example.com',
			nextSteps: [
				'Dès que votre retour est accepté, nous vous envoyons l’étiquette de retour prépayée par e-mail. Imprimez-la et collez-la sur le colis.',
				'Déposez le colis dans un bureau de poste ou un point relais dans les 30 jours suivant la livraison.',
				'Nous envoyons l’échange dès que le colis nous parvient.',
			],
		});
		const stored = await storedSubmission(result.reference);
		expect(stored).toMatchObject({ kind: 'return', order_id: order.id, shop_reference: expect.stringMatching(/^gid:\/\/demo\/Return\/\d+$/) });
		expect(stored.ticket).toEqual({
			reference: result.reference,
			kind: 'return',
			customer: { name: 'Léa Moreau', email: 'lea.moreau@example.com' },
			subject: 'Demande de retour pour la commande #1005',
			body: [
				`Return ${result.reference} for order #1005`,
				'- 1 × Merino T-shirt (Black / L) : Trop grand, en échange de Size: M',
				'Resolution: exchange',
				'Un échange : rien à payer, rien à rembourser.',
				'',
				'Comment from the customer:',
				'Runs small.',
			].join('\n'),
			locale: 'fr',
			tags: ['return', 'order-verified', 'exchange'],
			orderName: '#1005',
		});
		expect(deps.queue.sent).toEqual([result.reference]);
		// The shop now counts the unit as returned.
		expect((await demoOrder('1005', deps.shop)).returnedQuantities[lineItem('1005-2')]).toBe(1);
	});

	it('spreads a quantity over the parcels that hold it, passing the comment to the shop', async () => {
		const base = await demoOrder('1005');
		const delivered = base.fulfillments[0]!;
		const order: Order = {
			...base,
			lineItems: [{ ...base.lineItems[0]!, quantity: 3 }],
			fulfillments: [
				{ ...delivered, id: 'parcel-1', lineItems: [{ lineItemId: lineItem('1005-1'), fulfillmentLineItemId: 'fli-1', quantity: 2 }] },
				{ ...delivered, id: 'parcel-2', lineItems: [{ lineItemId: lineItem('1005-1'), fulfillmentLineItemId: 'fli-2', quantity: 1 }] },
			],
			returnedQuantities: {},
		};
		const asked: ReturnLineRequest[][] = [];
		const shop: ShopConnector = { ...createDemoShop(env.DB), requestReturn: async (_order, lines) => (asked.push(lines), { returnId: 'gid://shopify/Return/9', labelUrl: null }) };
		const deps = await submissionDeps(shop);
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 3, reasonId: 'damaged' }], { comment: 'Torn seams' }));
		expect(asked).toEqual([
			[
				{ lineItemId: lineItem('1005-1'), fulfillmentLineItemId: 'fli-1', quantity: 2, reasonId: 'damaged', customerNote: 'Torn seams', exchangeFor: null },
				{ lineItemId: lineItem('1005-1'), fulfillmentLineItemId: 'fli-2', quantity: 1, reasonId: 'damaged', customerNote: 'Torn seams', exchangeFor: null },
			],
		]);
		// The shopper sees one item, whatever parcels it came in; damaged items come back with a free label.
		expect(result.items).toEqual([{ lineItemId: lineItem('1005-1'), quantity: 3, reasonId: 'damaged', exchangeFor: null }]);
		expect(result.refund).toEqual({ items: { amount: 23_700, currencyCode: 'EUR' }, labelFee: null, total: { amount: 23_700, currencyCode: 'EUR' } });
		expect((await storedSubmission(result.reference)).shop_reference).toBe('gid://shopify/Return/9');
	});

	it('refuses an unknown reason, an item of another order and more units than can be returned, recording nothing', async () => {
		const deps = await submissionDeps();
		const order = await demoOrder('1005', deps.shop);
		const before = await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions').first<{ count: number }>();
		const unknownReason = await thrown(() => submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'bored' }])));
		expect(unknownReason).toMatchObject({ status: 400, code: 'invalid_request', extra: { fields: [{ path: 'items.reasonId', problem: 'unknown_reason' }] } });
		const otherOrder = await thrown(() => submit(deps, order, request([{ lineItemId: lineItem('1001-1'), quantity: 1, reasonId: 'too-small' }])));
		expect(otherOrder).toMatchObject({ status: 400, code: 'invalid_request', extra: { fields: [{ path: 'items.lineItemId', problem: 'unknown_item' }] } });
		const finalSale = await thrown(() => submit(deps, order, request([{ lineItemId: lineItem('1005-3'), quantity: 1, reasonId: 'too-small' }])));
		expect(finalSale).toBeInstanceOf(ApiError);
		expect(finalSale).toMatchObject({ status: 409, code: 'action_unavailable', message: 'Final sale: this item cannot be returned.' });
		expect((finalSale as ApiError).extra.details).toEqual({ lineItemId: lineItem('1005-3'), returnableQuantity: 0, code: 'final_sale' });
		// Two lines of the same item count together.
		const tooMany = await thrown(() =>
			submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'too-small' }, { lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'damaged' }])),
		);
		expect(tooMany).toMatchObject({ status: 409, code: 'action_unavailable' });
		expect(await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions').first()).toEqual(before);
		expect(deps.queue.sent).toEqual([]);
	});

	it('answers `received` and leaves the return to an agent when the shop is down', async () => {
		const shop: ShopConnector = { ...createDemoShop(env.DB), requestReturn: async () => Promise.reject(temporaryFailure({ vendor: 'Shopify', detail: 'server error', status: 503 })) };
		const deps = await submissionDeps(shop);
		const order = await demoOrder('1005', shop);
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'too-small' }]));
		expect(result.status).toBe('received');
		const stored = await storedSubmission(result.reference);
		expect(stored.ticket?.body).toMatch(/\n\nThe shop could not record this return automatically \(Shopify is unavailable: server error\): please create it by hand\.$/);
		expect(stored.ticket?.tags).toEqual(['return', 'order-verified', 'needs-manual-action']);
		expect(log.lines).toEqual([`return ${result.reference}: left to an agent (Shopify is unavailable: server error)`]);
		expect(deps.queue.sent).toEqual([result.reference]);
	});

	it('makes one return per change token', async () => {
		const deps = await submissionDeps();
		const order = await demoOrder('1010', deps.shop);
		const shipped = { ...order, fulfillments: order.fulfillments.map((parcel) => ({ ...parcel, status: 'delivered' as const, deliveredAt: new Date().toISOString() })) };
		const first = await submit(deps, shipped, request([{ lineItemId: lineItem('1010-1'), quantity: 1, reasonId: 'too-small' }]), 'token-one-return');
		const second = await thrown(() => submit(deps, shipped, request([{ lineItemId: lineItem('1010-1'), quantity: 1, reasonId: 'too-small' }]), 'token-one-return'));
		expect(second).toMatchObject({ status: 409, code: 'action_unavailable', extra: { details: { code: 'already_submitted', reference: first.reference } } });
		expect(deps.queue.sent).toEqual([first.reference]);
	});
});
