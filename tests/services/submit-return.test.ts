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
import { decryptText } from '../../functions/services/crypto';
import { captureErrorLog, dataKey, demoOrder, fixtureOrder, storedSubmission, submissionDeps, thrown } from './support';

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

/** The confirmation e-mail recorded with a submission, decrypted, or null when it has none. */
async function storedConfirmation(reference: string) {
	const row = await env.DB.prepare('SELECT confirmation, confirmation_status FROM submissions WHERE id = ?1').bind(reference).first<{ confirmation: string | null; confirmation_status: string | null }>();
	return { status: row?.confirmation_status ?? null, message: row?.confirmation ? JSON.parse(await decryptText(await dataKey(), row.confirmation)) : null };
}

describe('what a return gives back', () => {
	it('refunds the items’ prices minus the label fee of the policy, once per return', async () => {
		const deps = await submissionDeps();
		const order = fixtureOrder(1005, Date.now());
		// A T-shirt (45 €) and the dress (79 €), one of them for a reason that is not free: the label costs 4.95 € once.
		const result = await submit(deps, order, request([
			{ lineItemId: lineItem('1005-2'), quantity: 1, reasonId: 'changed-mind' },
			{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'damaged' },
		]));
		expect(site.policies.returnLabelFee).toMatchObject({ amount: 4.95, currency: 'EUR' });
		expect(result.refund).toEqual({ items: { amount: 12_400, currencyCode: 'EUR' }, labelFee: { amount: 495, currencyCode: 'EUR' }, total: { amount: 11_905, currencyCode: 'EUR' } });
		expect(result.nextSteps).toContain('We refund €119.05 within 5 working days of receiving the parcel.');
		const ticket = (await storedSubmission(result.reference)).ticket;
		expect(ticket?.body).toContain(['Items: €124.00', 'Return label: − €4.95', 'Refund: €119.05'].join('\n'));
	});

	it('gives store credit the same way, and a free label when every item arrived damaged or wrong', async () => {
		const deps = await submissionDeps();
		const order = fixtureOrder(1005, Date.now());
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-2'), quantity: 1, reasonId: 'wrong-item' }], { resolution: 'store_credit', locale: 'fr' }));
		expect(result.refund).toEqual({ items: { amount: 4500, currencyCode: 'EUR' }, labelFee: null, total: { amount: 4500, currencyCode: 'EUR' } });
		expect(result.nextSteps).toContain('Votre avoir de 45,00\u00a0€ vous est envoyé par e-mail dès que le colis nous parvient.');
	});

	it('says nothing of an amount it does not know', async () => {
		const deps = await submissionDeps();
		const base = fixtureOrder(1005, Date.now());
		const order: Order = { ...base, lineItems: base.lineItems.map((item) => ({ ...item, unitPrice: null })) };
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'too-small' }]));
		expect(result.refund).toEqual({ items: null, labelFee: { amount: 495, currencyCode: 'EUR' }, total: null });
		expect(result.nextSteps).toContain('We refund you within 5 working days of receiving the parcel.');
	});
});

describe('an exchange', () => {
	const tshirt = lineItem('1005-2');

	it('takes the size or colour from the product’s choices, and refuses one it does not come in', async () => {
		const deps = await submissionDeps();
		const order = fixtureOrder(1005, Date.now());
		const unknown = await thrown(() => submit(deps, order, request([{ lineItemId: tshirt, quantity: 1, reasonId: 'too-small', exchange: { options: [{ name: 'Size', value: 'XXXL' }] } }], { resolution: 'exchange' })));
		expect(unknown).toMatchObject({ status: 400, code: 'invalid_request', extra: { fields: [{ path: 'items.exchange.options', problem: 'unknown_option' }] } });
		const missing = await thrown(() => submit(deps, order, request([{ lineItemId: tshirt, quantity: 1, reasonId: 'too-small' }], { resolution: 'exchange' })));
		expect(missing).toMatchObject({ status: 400, code: 'invalid_request', extra: { fields: [{ path: 'items.exchange', problem: 'exchange_choice_required' }] } });
		expect(deps.queue.sent).toEqual([]);

		const result = await submit(deps, order, request([{ lineItemId: tshirt, quantity: 1, reasonId: 'too-small', exchange: { options: [{ name: 'Colour', value: 'Grey' }, { name: 'Size', value: 'XL' }] } }], { resolution: 'exchange' }));
		expect(result.items).toEqual([{ lineItemId: tshirt, quantity: 1, reasonId: 'too-small', exchangeFor: 'Colour: Grey, Size: XL' }]);
		expect((await storedSubmission(result.reference)).ticket?.body).toContain('- 1 × Merino T-shirt (Black / L): Too small, in exchange for Colour: Grey, Size: XL');
		expect((await storedConfirmation(result.reference)).message.text).toContain('in exchange for Colour: Grey, Size: XL');
	});

	it('takes the shopper’s words when the shop lists no choices (or cannot say now), and passes them to the shop', async () => {
		const asked: ReturnLineRequest[][] = [];
		const shop: ShopConnector = {
			...createDemoShop(env.DB),
			exchangeOptions: async () => Promise.reject(temporaryFailure({ vendor: 'Shopify', detail: 'server error', status: 503 })),
			requestReturn: async (_order, lines) => (asked.push(lines), { returnId: 'gid://shopify/Return/10', labelUrl: null }),
		};
		const deps = await submissionDeps(shop);
		const order = fixtureOrder(1005, Date.now());
		const result = await submit(deps, order, request([{ lineItemId: tshirt, quantity: 1, reasonId: 'too-small', exchange: { options: [{ name: 'Size', value: 'L' }], note: 'navy if you have it' } }], { resolution: 'exchange' }));
		expect(asked[0]?.[0]?.exchangeFor).toBe('Size: L — navy if you have it');
		expect(result.items[0]?.exchangeFor).toBe('Size: L — navy if you have it');
	});
});

describe('the return’s confirmation e-mail', () => {
	it('is recorded with the return for the queue to send: to the order’s address, in the shopper’s language, with the refund', async () => {
		const deps = await submissionDeps();
		const order = fixtureOrder(1005, Date.now());
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-2'), quantity: 1, reasonId: 'changed-mind' }], { locale: 'fr' }));
		const { status, message } = await storedConfirmation(result.reference);
		expect(status).toBe('pending');
		expect(message).toMatchObject({ reference: `confirmation/${result.reference}`, to: 'lea.moreau@example.com', locale: 'fr', subject: `Votre retour ${result.reference} pour la commande #1005` });
		expect(message.text).toBe(
			[
				'Bonjour Léa,',
				`Nous avons bien reçu votre demande de retour pour la commande #1005. Votre numéro de retour est ${result.reference}.`,
				'Ce que vous nous renvoyez :\n- 1 × Merino T-shirt (Black / L) : J\'ai changé d\'avis',
				'Articles : 45,00\u00a0€\nÉtiquette de retour : − 4,95\u00a0€\nRemboursement : 40,05\u00a0€',
				[
					'La suite :',
					'1. Dès que votre retour est accepté, nous vous envoyons l’étiquette de retour prépayée par e-mail. Imprimez-la et collez-la sur le colis.',
					'2. Déposez le colis dans un bureau de poste ou un point relais dans les 30 jours suivant la livraison.',
					'3. Nous vous remboursons 40,05\u00a0€ sous 5 jours ouvrés après réception du colis.',
				].join('\n'),
				'L’équipe Alder & Pine',
			].join('\n\n'),
		);
		expect(message.html).toMatch(/^<!doctype html><html lang="fr">/);
	});

	it('carries the label when the shop makes one at once', async () => {
		const shop: ShopConnector = { ...createDemoShop(env.DB), requestReturn: async () => ({ returnId: 'gid://shopify/Return/11', labelUrl: 'https://labels.example/r/11.pdf' }) };
		const deps = await submissionDeps(shop);
		const order = fixtureOrder(1005, Date.now());
		const result = await submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'too-small' }]));
		expect(result.labelUrl).toBe('https://labels.example/r/11.pdf');
		expect(result.nextSteps[0]).toBe('Print your prepaid return label (the link is also in your confirmation e-mail) and stick it on the parcel.');
		const { message } = await storedConfirmation(result.reference);
		expect(message.text).toContain('Your prepaid return label: https://labels.example/r/11.pdf');
		expect(message.html).toContain('<a href="https://labels.example/r/11.pdf">Print your return label</a>');
	});

	it('is not recorded for a refused return', async () => {
		const deps = await submissionDeps();
		const order = fixtureOrder(1005, Date.now());
		const before = await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE confirmation_status IS NOT NULL`).first<{ count: number }>();
		await thrown(() => submit(deps, order, request([{ lineItemId: lineItem('1005-3'), quantity: 1, reasonId: 'too-small' }])));
		await thrown(() => submit(deps, order, request([{ lineItemId: lineItem('1005-1'), quantity: 1, reasonId: 'too-small' }], { resolution: 'exchange' })));
		expect(await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE confirmation_status IS NOT NULL`).first()).toEqual(before);
	});
});
