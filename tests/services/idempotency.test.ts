import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../functions/errors';
import { idempotencyLeaseMs, pruneIdempotencyKeys, readIdempotencyKey, runIdempotent, type IdempotencyClaim, type StoredResponse } from '../../functions/services/idempotency';
import { thrown } from './support';

/** An action that answers 201 with how many times it ran, or throws `failure`. */
function counted(failure?: Error) {
	const action = Object.assign(
		async (): Promise<StoredResponse> => {
			action.runs += 1;
			if (failure) throw failure;
			return { status: 201, body: { run: action.runs } };
		},
		{ runs: 0 },
	);
	return action;
}

const key = () => `key-${crypto.randomUUID()}`;

describe('readIdempotencyKey', () => {
	it('requires a key where asked, accepts opaque tokens and refuses anything else without echoing it', async () => {
		expect(readIdempotencyKey(undefined, false)).toBeUndefined();
		expect(() => readIdempotencyKey(undefined, true)).toThrow(expect.objectContaining({ status: 400, code: 'idempotency_key_required' }));
		expect(readIdempotencyKey('0b6a4f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', true)).toBe('0b6a4f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
		for (const bad of ['short', 'with space in it', 'x'.repeat(256), 'line\nbreak-key']) {
			const error = (await thrown(() => readIdempotencyKey(bad, true))) as ApiError;
			expect(error).toMatchObject({ status: 400, code: 'invalid_request', extra: { fields: [{ path: 'Idempotency-Key', problem: 'invalid_format' }] } });
			expect(JSON.stringify(error.toBody())).not.toContain(bad);
		}
	});
});

/** The ledger entry of `key` on `scope`, for a requester (null: an anonymous route). */
const claim = (scope: string, id: string | undefined, requester: string | null = null): IdempotencyClaim => ({ scope, key: id, requester });

/** An action that waits until the test releases it with an answer. */
function held() {
	let release: (response: StoredResponse) => void = () => {};
	const promise = new Promise<StoredResponse>((resolve) => (release = resolve));
	return { action: () => promise, release: (response: StoredResponse) => release(response) };
}

describe('runIdempotent', () => {
	it('runs the action once per key and replays its answer to retries with the same body, whatever the key order', async () => {
		const action = counted();
		const id = key();
		const first = await runIdempotent(env.DB, claim('tickets', id), { a: 1, b: [1, { c: 2, d: 3 }] }, action);
		const retry = await runIdempotent(env.DB, claim('tickets', id), { b: [1, { d: 3, c: 2 }], a: 1 }, action);
		expect(first).toEqual({ status: 201, body: { run: 1 } });
		expect(retry).toEqual(first);
		expect(action.runs).toBe(1);
	});

	it('keeps keys apart per scope, and runs every time without a key', async () => {
		const action = counted();
		const id = key();
		await runIdempotent(env.DB, claim('returns:1', id), {}, action);
		await runIdempotent(env.DB, claim('returns:2', id), {}, action);
		await runIdempotent(env.DB, claim('tickets', undefined), {}, action);
		await runIdempotent(env.DB, claim('tickets', undefined), {}, action);
		expect(action.runs).toBe(4);
	});

	it('refuses the same key with another body (422), and a retry while the first still runs (409, Retry-After until its lease ends)', async () => {
		const id = key();
		await runIdempotent(env.DB, claim('tickets', id), { message: 'first' }, counted());
		expect(await thrown(() => runIdempotent(env.DB, claim('tickets', id), { message: 'second' }, counted()))).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
		const slow = key();
		const first = held();
		const now = Date.now();
		const running = runIdempotent(env.DB, claim('tickets', slow), {}, first.action, now);
		// Let the first call claim the key.
		await new Promise((resolve) => setTimeout(resolve, 50));
		const concurrent = await thrown(() => runIdempotent(env.DB, claim('tickets', slow), {}, counted(), now + 15_000));
		expect(concurrent).toMatchObject({ status: 409, code: 'request_in_progress', headers: { 'Retry-After': '45' } });
		first.release({ status: 202, body: {} });
		expect(await running).toEqual({ status: 202, body: {} });
	});

	it('lets a retry take over a key whose claim outlived its lease (the first request died), and only then', async () => {
		const id = key();
		const claimedAt = Date.now();
		const dead = held();
		const deadRequest = runIdempotent(env.DB, claim('returns:9', id, 'holder'), { items: 1 }, dead.action, claimedAt);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const early = await thrown(() => runIdempotent(env.DB, claim('returns:9', id, 'holder'), { items: 1 }, counted(), claimedAt + idempotencyLeaseMs - 1));
		expect(early).toMatchObject({ status: 409, code: 'request_in_progress', headers: { 'Retry-After': '1' } });
		// Another body cannot take the key over, even once the lease ended.
		expect(await thrown(() => runIdempotent(env.DB, claim('returns:9', id, 'holder'), { items: 2 }, counted(), claimedAt + idempotencyLeaseMs))).toMatchObject({ status: 422 });
		const retry = counted();
		expect(await runIdempotent(env.DB, claim('returns:9', id, 'holder'), { items: 1 }, retry, claimedAt + idempotencyLeaseMs)).toEqual({ status: 201, body: { run: 1 } });
		// The first request was only slow after all: its late answer does not replace the retry's.
		dead.release({ status: 201, body: { late: true } });
		expect(await deadRequest).toEqual({ status: 201, body: { late: true } });
		expect(await runIdempotent(env.DB, claim('returns:9', id, 'holder'), { items: 1 }, counted())).toEqual({ status: 201, body: { run: 1 } });
		expect(retry.runs).toBe(1);
	});

	it('replays an answer to its requester only: anyone else with the same key and body is refused and runs nothing', async () => {
		const id = key();
		const address = { address1: '4 rue Mercière', city: 'Lyon' };
		const owner = await runIdempotent(env.DB, claim('address:1', id, 'owner'), address, async () => ({ status: 200, body: { address } }));
		expect(owner).toEqual({ status: 200, body: { address } });
		for (const stranger of ['someone else', null]) {
			const action = counted();
			const refused = (await thrown(() => runIdempotent(env.DB, claim('address:1', id, stranger), address, action))) as ApiError;
			expect(refused).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
			expect(JSON.stringify(refused.toBody())).not.toContain('Mercière');
			expect(action.runs).toBe(0);
		}
		expect(await runIdempotent(env.DB, claim('address:1', id, 'owner'), address, counted())).toEqual(owner);
	});

	it('keeps no refusal and no failure: whatever the action throws frees the key, so the retry runs', async () => {
		const failures = [
			new ApiError(401, 'invalid_token', 'Expired.'),
			new ApiError(409, 'action_unavailable', 'Already submitted with this token.'),
			new ApiError(503, 'shop_unavailable', 'Down.'),
			new ApiError(429, 'rate_limited', 'Wait.'),
			new TypeError('boom'),
		];
		for (const failure of failures) {
			const id = key();
			expect(await thrown(() => runIdempotent(env.DB, claim('address:1', id, 'owner'), {}, counted(failure)))).toBe(failure);
			expect(await env.DB.prepare('SELECT key FROM idempotency_keys WHERE key = ?1').bind(id).first()).toBeNull();
			const retry = counted();
			expect(await runIdempotent(env.DB, claim('address:1', id, 'owner'), {}, retry)).toEqual({ status: 201, body: { run: 1 } });
			expect(retry.runs).toBe(1);
		}
	});
});

describe('pruneIdempotencyKeys', () => {
	it('forgets keys older than two days, and only those', async () => {
		const now = Date.now();
		await env.DB.batch([
			env.DB.prepare(`INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ('prune', 'old-key-1', 'h', 'done', ?1)`).bind(now - 2 * 86_400_000 - 1),
			env.DB.prepare(`INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ('prune', 'new-key-1', 'h', 'done', ?1)`).bind(now - 2 * 86_400_000 + 60_000),
		]);
		await pruneIdempotencyKeys(env.DB, now);
		const { results } = await env.DB.prepare(`SELECT key FROM idempotency_keys WHERE scope = 'prune'`).all<{ key: string }>();
		expect(results.map((row) => row.key)).toEqual(['new-key-1']);
	});
});
