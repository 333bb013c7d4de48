import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { issueOrderToken } from '../../functions/services/order-tokens';
import { recordSubmission } from '../../functions/services/outbox';
import { getDataKey, getSigningKey } from '../../functions/services/signing-key';
import { call, changeToken, emailByReference, eventually, freshIp, latestCode, lookup, postAddress, postReturn } from '../support/api-client';

const lea = { number: '1005', email: 'lea.moreau@example.com' };

async function viewToken(number: string, email: string) {
	const response = await lookup(number, email);
	return { orderId: response.json.order.id as string, token: response.json.token.value as string };
}

const sendCode = (token: string) => call('/api/orders/verify/code', { body: { token }, headers: { 'CF-Connecting-IP': freshIp() } });
const verify = (token: string, code: string) => call('/api/orders/verify', { body: { token, code }, headers: { 'CF-Connecting-IP': freshIp() } });

// Each test is one shopper; the limits across shoppers are tested on their own below.
beforeEach(async () => {
	await env.DB.prepare('DELETE FROM rate_counters').run();
});

const tShirtReturn = { items: [{ lineItemId: 'gid://demo/LineItem/1005-2', quantity: 1, reasonId: 'too-small' }], resolution: 'refund' };

describe('POST /api/orders/verify', () => {
	it('e-mails a 6-digit code to the order’s address and trades it for a 15-minute change token', async () => {
		const { token } = await viewToken(lea.number, lea.email);
		const sent = await sendCode(token);
		expect(sent.status).toBe(202);
		expect(sent.json).toMatchObject({ status: 'code_sent', sentTo: 'l•••@example.com' });
		expect(sent.text).not.toContain(lea.email);
		const code = await latestCode(lea.email);
		expect(code).toMatch(/^\d{6}$/);
		const stored = await env.DB.prepare('SELECT code_hash FROM verification_codes ORDER BY created_at DESC LIMIT 1').first<{ code_hash: string }>();
		expect(stored?.code_hash).not.toContain(code);
		const verified = await verify(token, code);
		expect(verified.status).toBe(200);
		expect(verified.json.token.purpose).toBe('change');
		expect(verified.json.shippingAddress).toMatchObject({ address1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', countryCode: 'FR' });
		const lifetime = Date.parse(verified.json.token.expiresAt) - Date.now();
		expect(lifetime).toBeGreaterThan(14 * 60 * 1000);
		expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
	});

	it('accepts a code once only', async () => {
		const { token } = await viewToken('1001', 'camille.martin@example.com');
		await sendCode(token);
		const code = await latestCode('camille.martin@example.com');
		expect((await verify(token, code)).status).toBe(200);
		const again = await verify(token, code);
		expect(again.status).toBe(400);
		expect(again.json.error.code).toBe('code_expired');
	});

	it('locks the code after 5 wrong tries, even against the right one', async () => {
		const { token } = await viewToken('1010', 'hugo.roux@example.com');
		await sendCode(token);
		const code = await latestCode('hugo.roux@example.com');
		const wrong = code === '000000' ? '000001' : '000000';
		const answers = [];
		for (let attempt = 0; attempt < 5; attempt++) answers.push(await verify(token, wrong));
		expect(answers.map((answer) => answer.json.error.code)).toEqual(Array(5).fill('code_invalid'));
		expect(answers.map((answer) => answer.json.error.details.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
		const locked = await verify(token, code);
		expect(locked.status).toBe(429);
		// The order's 5 wrong codes an hour are used up at the same time (the code's own lock shows across the hour).
		expect(['rate_limited', 'code_locked']).toContain(locked.json.error.code);
	});

	it('allows 5 wrong codes per order an hour in all: a new code buys no more guesses', async () => {
		const { token } = await viewToken('1006', 'noah.bernard@example.com');
		const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000');
		await sendCode(token);
		const first = await latestCode('noah.bernard@example.com');
		const answers = [];
		for (let attempt = 0; attempt < 3; attempt++) answers.push(await verify(token, wrongFor(first)));
		await sendCode(token);
		const second = await latestCode('noah.bernard@example.com');
		for (let attempt = 0; attempt < 2; attempt++) answers.push(await verify(token, wrongFor(second)));
		expect(answers.map((answer) => answer.json.error.code)).toEqual(Array(5).fill('code_invalid'));
		const sixth = await verify(token, wrongFor(second));
		expect(sixth.status).toBe(429);
		expect(sixth.json.error.code).toBe('rate_limited');
		expect(Number(sixth.headers.get('Retry-After'))).toBeGreaterThan(0);
		// Locked: even the right code waits for the hour to end.
		expect((await verify(token, second)).status).toBe(429);
	});

	it('refuses an expired code', async () => {
		const { token } = await viewToken('1004', 'sam.taylor@example.com');
		await sendCode(token);
		await env.DB.prepare('UPDATE verification_codes SET expires_at = ?1').bind(Date.now() - 1).run();
		const expired = await verify(token, await latestCode('sam.taylor@example.com'));
		expect(expired.json.error.code).toBe('code_expired');
	});

	it('sends at most 3 codes per order per 15 minutes', async () => {
		const { token } = await viewToken('1003', 'amelie.dubois@example.com');
		const statuses = [];
		for (let attempt = 0; attempt < 4; attempt++) statuses.push((await sendCode(token)).status);
		expect(statuses).toEqual([202, 202, 202, 429]);
	});

	it('refuses tampered and expired tokens', async () => {
		const { token } = await viewToken(lea.number, lea.email);
		const [payload, signature] = token.split('.');
		const forged = `${payload?.slice(0, -2)}AA.${signature}`;
		expect((await sendCode(forged)).json.error.code).toBe('invalid_token');
		const key = await getSigningKey(readConfig(env), env.DB);
		const old = await issueOrderToken(key, 'gid://demo/Order/1005', lea.email, 'view', Date.now() - 31 * 60 * 1000);
		expect((await sendCode(old.value)).json.error.code).toBe('invalid_token');
	});
});

describe('POST /api/orders/{id}/returns', () => {
	it('never accepts a lookup token: changes need the e-mailed code', async () => {
		const { orderId, token } = await viewToken(lea.number, lea.email);
		const response = await postReturn(orderId, token, tShirtReturn);
		expect(response.status).toBe(403);
		expect(response.json.error.code).toBe('verification_required');
	});

	it('refuses a token of one order used on another', async () => {
		const { token } = await changeToken(lea.number, lea.email);
		const response = await postReturn('1006', token, tShirtReturn);
		expect(response.status).toBe(401);
		expect(response.json.error.code).toBe('invalid_token');
	});

	it('records the return, answers with a reference and next steps, and opens a helpdesk ticket', async () => {
		const { orderId, token } = await changeToken(lea.number, lea.email);
		const response = await postReturn(orderId, token, { ...tShirtReturn, comment: 'Runs small.', locale: 'fr' });
		expect(response.status, response.text).toBe(201);
		expect(response.json).toMatchObject({ status: 'requested', resolution: 'refund', items: [{ lineItemId: 'gid://demo/LineItem/1005-2', quantity: 1 }] });
		expect(response.json.reference).toMatch(/^HC-[2-9A-Z]{10}$/);
		expect(response.json.nextSteps[2]).toBe('Nous vous remboursons 40,05\u00a0€ sous 5 jours ouvrés après réception du colis.');
		expect(response.json.refund).toEqual({ items: { amount: 4500, currencyCode: 'EUR' }, labelFee: { amount: 495, currencyCode: 'EUR' }, total: { amount: 4005, currencyCode: 'EUR' } });
		const row = await env.DB.prepare('SELECT kind, status FROM submissions WHERE id = ?1').bind(response.json.reference).first();
		expect(row?.kind).toBe('return');
		const ticket = await eventually(() => env.DB.prepare(`SELECT subject, body, tags FROM inbox WHERE external_id = ?1`).bind(response.json.reference).first<{ subject: string; body: string; tags: string }>().then((r) => r ?? undefined));
		expect(ticket.subject).toBe('Demande de retour pour la commande #1005');
		expect(ticket.body).toContain('1 × Merino T-shirt (Black / L) : Trop petit');
		expect(ticket.body).toContain('Runs small.');
		// The shopper's confirmation, sent by the queue from the outbox: once, to the order's address, in French.
		const confirmation = await emailByReference(`confirmation/${response.json.reference}`);
		expect(confirmation).toMatchObject({ recipient: lea.email, subject: `Votre retour ${response.json.reference} pour la commande #1005`, copies: 1 });
		expect(confirmation.body).toContain('Remboursement : 40,05\u00a0€');
		const after = await lookup(lea.number, lea.email);
		expect(after.json.order.items.find((item: { title: string }) => item.title === 'Merino T-shirt')).toMatchObject({
			returnableQuantity: 1,
			unitPrice: { amount: 4500, currencyCode: 'EUR' },
			image: { url: '/images/products/merino-tshirt-black.svg', alt: null },
		});
	});

	it('gives the sizes and colours to exchange for to a verified shopper starting a return, and sends the choice on', async () => {
		// Returns the T-shirt the test above returned, so the tests below find the order as they expect.
		await env.DB.prepare(`DELETE FROM demo_order_changes WHERE order_id = 'gid://demo/Order/1005'`).run();
		const { orderId, token, verified } = await changeToken(lea.number, lea.email, 'return');
		expect((verified['exchangeOptions'] as Record<string, unknown>)['gid://demo/LineItem/1005-2']).toEqual([
			{ name: 'Colour', values: ['Black', 'Grey', 'White'], selected: 'Black' },
			{ name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL'], selected: 'L' },
		]);
		const unknown = await postReturn(orderId, token, { ...tShirtReturn, resolution: 'exchange', items: [{ ...tShirtReturn.items[0], exchange: { options: [{ name: 'Size', value: 'XXL' }] } }] });
		expect(unknown.status).toBe(400);
		expect(unknown.json.error.code).toBe('invalid_request');
		const response = await postReturn(orderId, token, { ...tShirtReturn, resolution: 'exchange', items: [{ ...tShirtReturn.items[0], exchange: { options: [{ name: 'Size', value: 'XL' }] } }] });
		expect(response.status, response.text).toBe(201);
		expect(response.json.items).toEqual([{ lineItemId: 'gid://demo/LineItem/1005-2', quantity: 1, reasonId: 'too-small', exchangeFor: 'Size: XL' }]);
		const ticket = await eventually(() => env.DB.prepare(`SELECT body FROM inbox WHERE external_id = ?1`).bind(response.json.reference).first<{ body: string }>().then((r) => r ?? undefined));
		expect(ticket.body).toContain('in exchange for Size: XL');
	});

	it('replays the same answer for the same key and body, and refuses the key with another body', async () => {
		const { orderId, token } = await changeToken(lea.number, lea.email);
		const key = crypto.randomUUID();
		const first = await postReturn(orderId, token, tShirtReturn, key);
		const replay = await postReturn(orderId, token, tShirtReturn, key);
		expect(replay.status).toBe(first.status);
		expect(replay.json).toEqual(first.json);
		const { count } = (await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions WHERE id = ?1').bind(first.json.reference).first<{ count: number }>()) ?? { count: 0 };
		expect(count).toBe(1);
		const other = await postReturn(orderId, token, { ...tShirtReturn, resolution: 'exchange' }, key);
		expect(other.status).toBe(422);
		expect(other.json.error.code).toBe('idempotency_key_reused');
	});

	it('requires an Idempotency-Key', async () => {
		const { orderId, token } = await changeToken(lea.number, lea.email);
		const response = await call(`/api/orders/${orderId}/returns`, { body: tShirtReturn, headers: { Authorization: `Bearer ${token}` } });
		expect(response.status).toBe(400);
		expect(response.json.error.code).toBe('idempotency_key_required');
	});

	it('refuses final-sale items, quantities already returned and unknown reasons', async () => {
		const { orderId, token } = await changeToken(lea.number, lea.email);
		const finalSale = await postReturn(orderId, token, { items: [{ lineItemId: 'gid://demo/LineItem/1005-3', quantity: 1, reasonId: 'too-small' }], resolution: 'refund' });
		expect(finalSale.status).toBe(409);
		expect(finalSale.json.error).toMatchObject({ code: 'action_unavailable', details: { code: 'final_sale' } });
		const tooMany = await postReturn(orderId, token, { items: [{ lineItemId: 'gid://demo/LineItem/1005-1', quantity: 2, reasonId: 'too-small' }], resolution: 'refund' });
		expect(tooMany.status).toBe(409);
		expect(tooMany.json.error.details.returnableQuantity).toBe(1);
		const reason = await postReturn(orderId, token, { items: [{ lineItemId: 'gid://demo/LineItem/1005-1', quantity: 1, reasonId: 'no-reason' }], resolution: 'refund' });
		expect(reason.status).toBe(400);
	});

	it('refuses a return outside the window with the reason', async () => {
		const { orderId, token } = await changeToken('1006', 'noah.bernard@example.com');
		const response = await postReturn(orderId, token, { items: [{ lineItemId: 'gid://demo/LineItem/1006-1', quantity: 1, reasonId: 'too-large' }], resolution: 'refund' });
		expect(response.status).toBe(409);
		expect(response.json.error).toMatchObject({ code: 'action_unavailable', message: 'Delivered 45 days ago; returns close after 30 days.', details: { code: 'return_window_closed', days: 45, window: 30 } });
		const { count } = (await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE order_id = 'gid://demo/Order/1006'`).first<{ count: number }>()) ?? { count: 0 };
		expect(count).toBe(0);
	});
});

describe('POST /api/orders/{id}/address', () => {
	const newAddress = { firstName: 'Camille', lastName: 'Martin', address1: '4 rue Mercière', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };

	it('changes the address of an unfulfilled order and notes it in the helpdesk', async () => {
		const { orderId, token } = await changeToken('1001', 'camille.martin@example.com');
		const response = await postAddress(orderId, token, { ...newAddress, city: 'Villeurbanne', postalCode: '69100' });
		expect(response.status, response.text).toBe(200);
		expect(response.json).toMatchObject({ status: 'updated', address: { city: 'Villeurbanne', postalCode: '69100' } });
		const after = await lookup('1001', 'camille.martin@example.com');
		expect(after.json.order.shippingAddress).toEqual({ city: 'Villeurbanne', countryCode: 'FR' });
		const ticket = await eventually(() => env.DB.prepare(`SELECT body FROM inbox WHERE external_id = ?1`).bind(response.json.reference).first<{ body: string }>().then((r) => r ?? undefined));
		expect(ticket.body).toContain('New address:');
		expect(ticket.body).toContain('69100 Villeurbanne');
	});

	it('refuses a shipped order with the reason', async () => {
		const { orderId, token } = await changeToken('1004', 'sam.taylor@example.com');
		const response = await postAddress(orderId, token, { ...newAddress, city: 'London', postalCode: 'SW1A 1AA', countryCode: 'GB' });
		expect(response.status).toBe(409);
		expect(response.json.error).toMatchObject({ code: 'action_unavailable', details: { code: 'already_shipped' } });
	});

	it('refuses after the address-change window', async () => {
		const { orderId, token } = await changeToken('1002', 'jonas.weber@example.com');
		const response = await postAddress(orderId, token, { ...newAddress, city: 'Berlin', postalCode: '10115', countryCode: 'DE' });
		expect(response.json.error.details).toMatchObject({ code: 'address_window_closed', window: 12 });
	});

	it('checks postal codes of common countries and ISO country codes', async () => {
		const { orderId, token } = await changeToken('1001', 'camille.martin@example.com');
		const badPostal = await postAddress(orderId, token, { ...newAddress, postalCode: '6900' });
		expect(badPostal.status).toBe(400);
		expect(badPostal.json.error.fields).toEqual([{ path: 'address.postalCode', problem: 'postal_code_format' }]);
		const badCountry = await postAddress(orderId, token, { ...newAddress, countryCode: 'France' });
		expect(badCountry.json.error.fields).toEqual([{ path: 'address.countryCode', problem: 'iso_country_code' }]);
		const british = await postAddress(orderId, token, { ...newAddress, city: 'London', postalCode: 'SW1A 1AA', countryCode: 'GB', phone: '+44 20 7946 0000' });
		expect(british.status).toBe(200);
	});
});

describe('one change token, one change of each kind', () => {
	// The tests above returned items of the same orders: start from the fixture orders again.
	beforeEach(async () => {
		await env.DB.batch([env.DB.prepare('DELETE FROM demo_order_changes'), env.DB.prepare('DELETE FROM submissions')]);
	});

	const newAddress = { firstName: 'Camille', lastName: 'Martin', address1: '4 rue Mercière', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };

	it('refuses a second return with the same token, naming the first, while a retry with the same key replays', async () => {
		const { orderId, token } = await changeToken(lea.number, lea.email);
		const key = crypto.randomUUID();
		const first = await postReturn(orderId, token, tShirtReturn, key);
		expect(first.status).toBe(201);
		const dressReturn = { items: [{ lineItemId: 'gid://demo/LineItem/1005-1', quantity: 1, reasonId: 'too-large' }], resolution: 'refund', locale: 'fr' };
		const second = await postReturn(orderId, token, dressReturn);
		expect(second.status).toBe(409);
		expect(second.json.error).toMatchObject({ code: 'action_unavailable', details: { code: 'already_submitted', reference: first.json.reference } });
		expect(second.json.error.message).toContain(`référence ${first.json.reference}`);
		expect((await postReturn(orderId, token, tShirtReturn, key)).json).toEqual(first.json);
		const { count } = (await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE kind = 'return'`).first<{ count: number }>()) ?? { count: 0 };
		expect(count).toBe(1);
		// A new proof of the mailbox allows the next return.
		const fresh = await changeToken(lea.number, lea.email);
		expect((await postReturn(orderId, fresh.token, dressReturn)).status).toBe(201);
	});

	it('lets only one of two simultaneous address changes with the same token through', async () => {
		const { orderId, token } = await changeToken('1001', 'camille.martin@example.com');
		const answers = await Promise.all([postAddress(orderId, token, newAddress), postAddress(orderId, token, { ...newAddress, address1: '5 rue Mercière' })]);
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
		const refused = answers.find((answer) => answer.status === 409)!;
		expect(refused.json.error.details.code).toBe('already_submitted');
	});

	it('records a return and an address change made with the same token', async () => {
		const { token } = await changeToken(lea.number, lea.email);
		const [payload = ''] = token.split('.');
		const { j: tokenId } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { j: string };
		const dataKey = await getDataKey(readConfig(env), env.DB);
		const ticket = (reference: string, kind: 'return' | 'address_change') => ({
			reference, kind, customer: { name: 'Léa Moreau', email: lea.email }, subject: 'Change', body: 'Change', locale: 'fr', tags: [], orderName: '#1005',
		});
		const orderId = 'gid://demo/Order/1005';
		expect(await recordSubmission(env.DB, dataKey, { ticket: ticket('HC-RETURN0001', 'return'), orderId, tokenId })).toEqual({});
		expect(await recordSubmission(env.DB, dataKey, { ticket: ticket('HC-ADDRESS001', 'address_change'), orderId, tokenId })).toEqual({});
		expect(await recordSubmission(env.DB, dataKey, { ticket: ticket('HC-ADDRESS002', 'address_change'), orderId, tokenId })).toEqual({ duplicateOf: 'HC-ADDRESS001' });
		// Contact tickets carry no token and are never limited this way.
		expect(await recordSubmission(env.DB, dataKey, { ticket: { ...ticket('HC-CONTACT001', 'return'), kind: 'contact' }, orderId: null })).toEqual({});
		expect(await recordSubmission(env.DB, dataKey, { ticket: { ...ticket('HC-CONTACT002', 'return'), kind: 'contact' }, orderId: null })).toEqual({});
	});
});

describe('POST /api/tickets', () => {
	const ticket = { name: 'Jane Doe', email: 'jane@example.com', subject: 'Where is my parcel?', message: 'Hello,\nmy parcel has not moved for a week.', orderNumber: '1004', locale: 'en', page: '/en/shipping', searches: ['parcel late', 'wismo'] };

	it('stores the ticket before answering 202 with a reference, then forwards it to the helpdesk once', async () => {
		const response = await call('/api/tickets', { body: ticket, headers: { 'Idempotency-Key': crypto.randomUUID() } });
		expect(response.status).toBe(202);
		expect(response.json).toMatchObject({ status: 'received', replyWithinHours: 24 });
		const stored = await env.DB.prepare('SELECT kind FROM submissions WHERE id = ?1').bind(response.json.reference).first();
		expect(stored).toEqual({ kind: 'contact' });
		const forwarded = await eventually(() => env.DB.prepare(`SELECT sender, subject, body, tags FROM inbox WHERE external_id = ?1`).bind(response.json.reference).first<Record<string, string>>().then((r) => r ?? undefined));
		expect(forwarded).toMatchObject({ sender: 'Jane Doe <jane@example.com>', subject: 'Where is my parcel?' });
		expect(forwarded['body']).toContain('Searched before writing: parcel late | wismo');
		expect(forwarded['body']).toContain('Order: #1004');
		expect(JSON.parse(forwarded['tags'] ?? '[]')).toContain('unverified');
		await eventually(() => env.DB.prepare(`SELECT status FROM submissions WHERE id = ?1 AND status = 'sent'`).bind(response.json.reference).first().then((r) => r ?? undefined));
	});

	it('refuses line breaks in the subject (header injection) and answers with field names only', async () => {
		const response = await call('/api/tickets', { body: { ...ticket, subject: 'Hi\r\nBcc: victim@example.com' }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
		expect(response.status).toBe(400);
		expect(response.json.error.fields).toEqual([{ path: 'subject', problem: 'control_characters' }]);
		expect(response.text).not.toContain('victim');
	});

	it('refuses messages with more than five links', async () => {
		const spam = Array.from({ length: 6 }, (_, index) => `https://spam${index}.example`).join(' ');
		const response = await call('/api/tickets', { body: { ...ticket, message: spam }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
		expect(response.json.error.fields).toEqual([{ path: 'message', problem: 'too_many_links' }]);
	});

	it('answers a filled honeypot like a success but stores nothing', async () => {
		const before = await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions').first<{ count: number }>();
		const response = await call('/api/tickets', { body: { ...ticket, website: 'http://spam.example' }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
		expect(response.status).toBe(202);
		const after = await env.DB.prepare('SELECT COUNT(*) AS count FROM submissions').first<{ count: number }>();
		expect(after?.count).toBe(before?.count);
	});

	it('refuses calls from other sites and bodies over 16 KB', async () => {
		const foreign = await call('/api/tickets', { body: ticket, headers: { Origin: 'https://evil.example', 'Idempotency-Key': crypto.randomUUID() } });
		expect(foreign.status).toBe(403);
		expect(foreign.json.error.code).toBe('origin_not_allowed');
		const huge = await call('/api/tickets', { body: { ...ticket, message: 'x'.repeat(20_000) }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
		expect(huge.status).toBe(413);
		expect(huge.json.error.code).toBe('payload_too_large');
	});
});
