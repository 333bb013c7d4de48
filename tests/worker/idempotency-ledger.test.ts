import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { issueOrderToken } from '../../functions/services/order-tokens';
import { getSigningKey } from '../../functions/services/signing-key';
import { call, changeToken, freshIp, lookup, postAddress, postReturn } from '../support/api-client';

const lea = { number: '1005', email: 'lea.moreau@example.com' };
const camille = { number: '1001', email: 'camille.martin@example.com' };
const tShirtReturn = { items: [{ lineItemId: 'gid://demo/LineItem/1005-2', quantity: 1, reasonId: 'too-small' }], resolution: 'refund' };
const newAddress = { firstName: 'Camille', lastName: 'Martin', address1: '4 rue Mercière', city: 'Lyon', postalCode: '69002', countryCode: 'FR' };

/** How many rows of `table` hold one of `values` in `column`. */
async function rowsWith(table: 'idempotency_keys' | 'rate_counters', column: 'key' | 'bucket', values: string[]): Promise<number> {
	const row = await env.DB.prepare(`SELECT COUNT(*) AS count FROM ${table}, json_each(?1) WHERE instr(${table}.${column}, json_each.value) > 0`)
		.bind(JSON.stringify(values))
		.first<{ count: number }>();
	return row?.count ?? -1;
}

// Every test starts from the fixture orders, with no limit used up.
beforeEach(async () => {
	await env.DB.batch(['rate_counters', 'demo_order_changes', 'submissions'].map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
});

describe('order changes and the Idempotency-Key ledger', () => {
	it('does not remember the refusal of an expired token: once the mailbox is proved again, the same return with the same key goes through', async () => {
		const signingKey = await getSigningKey(readConfig(env), env.DB);
		const expired = await issueOrderToken(signingKey, 'gid://demo/Order/1005', lea.email, 'change', Date.now() - 16 * 60 * 1000);
		const key = crypto.randomUUID();
		const refused = await postReturn('1005', expired.value, tShirtReturn, key);
		expect(refused.status).toBe(401);
		expect(refused.json.error.code).toBe('invalid_token');
		const fresh = await changeToken(lea.number, lea.email);
		const sent = await postReturn(fresh.orderId, fresh.token, tShirtReturn, key);
		expect(sent.status, sent.text).toBe(201);
		expect(sent.json.reference).toMatch(/^HC-/);
	});

	it('replays a completed address change to the order’s owner only: anyone else with the same key and body gets no address', async () => {
		const owner = await changeToken(camille.number, camille.email);
		const key = crypto.randomUUID();
		const done = await postAddress(owner.orderId, owner.token, newAddress, key);
		expect(done.status, done.text).toBe(200);
		expect(done.text).toContain('Mercière');
		const otherShopper = await changeToken(lea.number, lea.email);
		const knowsTheEmail = (await lookup(camille.number, camille.email)).json.token.value as string;
		const strangers = [
			await call(`/api/orders/${owner.orderId}/address`, { body: { address: newAddress }, headers: { 'Idempotency-Key': key } }),
			await postAddress(owner.orderId, otherShopper.token, newAddress, key),
			await postAddress(owner.orderId, knowsTheEmail, newAddress, key),
		];
		expect(strangers.map((answer) => [answer.status, answer.json?.error?.code])).toEqual([
			[401, 'invalid_token'],
			[401, 'invalid_token'],
			[403, 'verification_required'],
		]);
		for (const answer of strangers) expect(answer.text).not.toMatch(/Mercière|Camille|69002/);
		// The owner, with a fresh proof of the mailbox, gets the same answer, and the change is made once.
		const again = await changeToken(camille.number, camille.email);
		expect((await postAddress(owner.orderId, again.token, newAddress, key)).json).toEqual(done.json);
		const changes = await env.DB.prepare(`SELECT COUNT(*) AS count FROM submissions WHERE kind = 'address_change'`).first<{ count: number }>();
		expect(changes?.count).toBe(1);
	});

	it('writes no ledger row for requests without a valid token, and refuses a client after 20 per route and hour', async () => {
		const ip = freshIp();
		const keys: string[] = [];
		const orderIds: string[] = [];
		for (const change of ['returns', 'address'] as const) {
			const statuses: number[] = [];
			for (let attempt = 0; attempt < 21; attempt++) {
				const key = crypto.randomUUID();
				const orderId = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
				keys.push(key);
				orderIds.push(orderId);
				const authorization: Record<string, string> = attempt % 2 ? { Authorization: `Bearer ${'y'.repeat(40)}` } : {};
				const body = change === 'returns' ? tShirtReturn : { address: newAddress };
				const response = await call(`/api/orders/${orderId}/${change}`, { body, headers: { 'Idempotency-Key': key, 'CF-Connecting-IP': ip, ...authorization } });
				statuses.push(response.status);
			}
			expect(await rowsWith('idempotency_keys', 'key', keys), change).toBe(0);
			expect(statuses, change).toEqual([...Array(20).fill(401), 429]);
		}
		// The limit counts the client, not the order ids it made up.
		expect(await rowsWith('rate_counters', 'bucket', orderIds)).toBe(0);
	});
});

describe('the lease on a claimed Idempotency-Key', () => {
	const ticket = { name: 'Jane Doe', email: 'jane@example.com', subject: 'Where is my parcel?', message: 'It has not moved for a week.', locale: 'en' };
	const send = (key: string) => call('/api/tickets', { body: ticket, headers: { 'Idempotency-Key': key } });
	/** What a Worker that died mid-request leaves behind: the key claimed `ago` milliseconds ago, and no answer. */
	const claimedAndLost = (key: string, ago: number) =>
		env.DB.prepare(`UPDATE idempotency_keys SET state = 'processing', status = NULL, body = NULL, created_at = ?2 WHERE key = ?1`).bind(key, Date.now() - ago).run();

	it('answers 409 while the lease lasts, saying how long, and lets the retry through once it ended', async () => {
		const key = crypto.randomUUID();
		const first = await send(key);
		expect(first.status).toBe(202);
		await claimedAndLost(key, 10_000);
		const live = await send(key);
		expect(live.status).toBe(409);
		expect(live.json.error.code).toBe('request_in_progress');
		expect(Number(live.headers.get('Retry-After'))).toBeGreaterThanOrEqual(49);
		expect(Number(live.headers.get('Retry-After'))).toBeLessThanOrEqual(50);
		await claimedAndLost(key, 61_000);
		const retry = await send(key);
		expect(retry.status, retry.text).toBe(202);
		expect(retry.json.reference).not.toBe(first.json.reference);
		expect((await send(key)).json).toEqual(retry.json);
	});
});

describe('limits of the contact form', () => {
	it('takes 10 messages per sender address an hour, refusing the next before it reaches the ledger', async () => {
		const keys = Array.from({ length: 11 }, () => crypto.randomUUID());
		const statuses: number[] = [];
		for (const key of keys) {
			statuses.push((await call('/api/tickets', { body: { name: 'Sam', email: 'sam@example.com', subject: 'Hello', message: 'Help', locale: 'en' }, headers: { 'Idempotency-Key': key, 'CF-Connecting-IP': freshIp() } })).status);
		}
		expect(statuses).toEqual([...Array(10).fill(202), 429]);
		expect(await rowsWith('idempotency_keys', 'key', keys.slice(10))).toBe(0);
	});
});
