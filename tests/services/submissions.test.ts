import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../functions/connectors/errors';
import { ApiError } from '../../functions/errors';
import { submitShopChange, type ShopChange } from '../../functions/services/submissions';
import { captureErrorLog, contactTicket, storedSubmission, submissionDeps, thrown } from './support';

/** A shop change that succeeds (answering `shopReference`) or fails with `failure`, counting its calls. */
function change(outcome: { shopReference?: string | null; failure?: unknown } = {}): ShopChange & { calls: number } {
	const step = {
		calls: 0,
		label: 'return',
		apply: async () => {
			step.calls += 1;
			if (outcome.failure !== undefined) throw outcome.failure;
			return { shopReference: outcome.shopReference ?? null };
		},
		manualNote: (reason: string) => `The shop could not record this return automatically (${reason}): please create it by hand.`,
	};
	return step;
}

const log = captureErrorLog();

/** A confirmation e-mail as the services word it; these tests look at the ticket and the shop only. */
const confirmation = () => ({ reference: 'confirmation/test', to: 'jane.doe@example.com', subject: 'Confirmed', text: 'Confirmed.', locale: 'en' });

describe('submitShopChange', () => {
	it('records the ticket, asks the shop, keeps its id and forwards the ticket unchanged', async () => {
		const deps = await submissionDeps();
		const ticket = contactTicket({ kind: 'return', tags: ['return', 'order-verified'] });
		const step = change({ shopReference: 'gid://shopify/Return/77' });
		expect(await submitShopChange(deps, { ticket, orderId: 'gid://demo/Order/1005', tokenId: 'token-success', confirmation }, step)).toEqual({ applied: true });
		expect(step.calls).toBe(1);
		expect(await storedSubmission(ticket.reference)).toMatchObject({
			status: 'pending',
			order_id: 'gid://demo/Order/1005',
			token_id: 'token-success',
			shop_reference: 'gid://shopify/Return/77',
			ticket,
		});
		expect(deps.queue.sent).toEqual([ticket.reference]);
		expect(log.lines).toEqual([]);
	});

	it('leaves the shop reference empty when the shop gives none', async () => {
		const deps = await submissionDeps();
		const ticket = contactTicket({ kind: 'address_change' });
		await submitShopChange(deps, { ticket, orderId: 'o', tokenId: 'token-no-reference', confirmation }, change());
		expect((await storedSubmission(ticket.reference)).shop_reference).toBeNull();
	});

	it('refuses a second change of the same kind with the token, naming the first, without asking the shop or forwarding', async () => {
		const deps = await submissionDeps();
		const first = contactTicket({ kind: 'return' });
		await submitShopChange(deps, { ticket: first, orderId: 'o', tokenId: 'token-duplicate', confirmation }, change());
		const step = change();
		const second = contactTicket({ kind: 'return', locale: 'fr' });
		const error = await thrown(() => submitShopChange(deps, { ticket: second, orderId: 'o', tokenId: 'token-duplicate', confirmation }, step));
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({ status: 409, code: 'action_unavailable', extra: { details: { code: 'already_submitted', reference: first.reference } } });
		// Worded in the shopper's language.
		expect((error as ApiError).message).toContain(first.reference);
		expect((error as ApiError).message).toMatch(/demande/i);
		expect(step.calls).toBe(0);
		expect(deps.queue.sent).toEqual([first.reference]);
	});

	it('on a shop failure: asks an agent to finish by hand, logs why without personal data, and still forwards', async () => {
		const deps = await submissionDeps();
		const ticket = contactTicket({ kind: 'return', body: 'Return for Camille Martin', tags: ['return', 'order-verified'] });
		const refusal = new ConnectorError('Shopify refused the return request (MISSING_PERMISSION)', { vendor: 'Shopify', kind: 'refused', status: 422 });
		expect(await submitShopChange(deps, { ticket, orderId: 'o', tokenId: 'token-refused', confirmation }, change({ failure: refusal }))).toEqual({ applied: false });
		const stored = await storedSubmission(ticket.reference);
		expect(stored.ticket).toEqual({
			...ticket,
			body: 'Return for Camille Martin\n\nThe shop could not record this return automatically (Shopify refused the return request (MISSING_PERMISSION)): please create it by hand.',
			tags: ['return', 'order-verified', 'needs-manual-action'],
		});
		expect(stored.shop_reference).toBeNull();
		expect(log.lines).toEqual([`return ${ticket.reference}: left to an agent (Shopify refused the return request (MISSING_PERMISSION))`]);
		expect(deps.queue.sent).toEqual([ticket.reference]);
	});

	it('does the same for an unexpected failure, without repeating its words', async () => {
		const deps = await submissionDeps();
		const ticket = contactTicket({ kind: 'address_change' });
		const step = { ...change({ failure: new Error('camille.martin@example.com is not valid') }), label: 'address change' };
		expect(await submitShopChange(deps, { ticket, orderId: 'o', tokenId: 'token-unexpected', confirmation }, step)).toEqual({ applied: false });
		expect((await storedSubmission(ticket.reference)).ticket?.body).toContain('(unexpected error)');
		expect(log.lines).toEqual([`address change ${ticket.reference}: left to an agent (unexpected error)`]);
		expect(deps.queue.sent).toEqual([ticket.reference]);
	});
});
