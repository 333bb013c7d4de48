import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../functions/errors';
import { pruneIdempotencyKeys, readIdempotencyKey, runIdempotent, type StoredResponse } from '../../functions/services/idempotency';
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

describe('runIdempotent', () => {
	it('runs the action once per key and replays its answer to retries with the same body, whatever the key order', async () => {
		const action = counted();
		const id = key();
		const first = await runIdempotent(env.DB, 'tickets', id, { a: 1, b: [1, { c: 2, d: 3 }] }, action);
		const retry = await runIdempotent(env.DB, 'tickets', id, { b: [1, { d: 3, c: 2 }], a: 1 }, action);
		expect(first).toEqual({ status: 201, body: { run: 1 } });
		expect(retry).toEqual(first);
		expect(action.runs).toBe(1);
	});

	it('keeps keys apart per scope, and runs every time without a key', async () => {
		const action = counted();
		const id = key();
		await runIdempotent(env.DB, 'returns:1', id, {}, action);
		await runIdempotent(env.DB, 'returns:2', id, {}, action);
		await runIdempotent(env.DB, 'tickets', undefined, {}, action);
		await runIdempotent(env.DB, 'tickets', undefined, {}, action);
		expect(action.runs).toBe(4);
	});

	it('refuses the same key with another body (422), and a retry while the first still runs (409, Retry-After)', async () => {
		const id = key();
		await runIdempotent(env.DB, 'tickets', id, { message: 'first' }, counted());
		expect(await thrown(() => runIdempotent(env.DB, 'tickets', id, { message: 'second' }, counted()))).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
		const slow = key();
		let release = () => {};
		const running = runIdempotent(env.DB, 'tickets', slow, {}, () => new Promise((resolve) => (release = () => resolve({ status: 202, body: {} }))));
		// Let the first call claim the key.
		await new Promise((resolve) => setTimeout(resolve, 50));
		const concurrent = await thrown(() => runIdempotent(env.DB, 'tickets', slow, {}, counted()));
		expect(concurrent).toMatchObject({ status: 409, code: 'request_in_progress', headers: { 'Retry-After': '1' } });
		release();
		expect(await running).toEqual({ status: 202, body: {} });
	});

	it('keeps a refusal (4xx) as the answer to replay, like a success', async () => {
		const id = key();
		const refused = counted(new ApiError(409, 'action_unavailable', 'Already shipped.'));
		const first = await runIdempotent(env.DB, 'address:1', id, {}, refused);
		expect(first).toEqual({ status: 409, body: { error: { code: 'action_unavailable', message: 'Already shipped.' } } });
		expect(await runIdempotent(env.DB, 'address:1', id, {}, counted())).toEqual(first);
		expect(refused.runs).toBe(1);
	});

	it('frees the key after a failure a retry can cure (5xx, 429, an unexpected error), so the retry runs', async () => {
		for (const failure of [new ApiError(503, 'shop_unavailable', 'Down.'), new ApiError(429, 'rate_limited', 'Wait.'), new TypeError('boom')]) {
			const id = key();
			expect(await thrown(() => runIdempotent(env.DB, 'tickets', id, {}, counted(failure)))).toBe(failure);
			const retry = counted();
			expect(await runIdempotent(env.DB, 'tickets', id, {}, retry)).toEqual({ status: 201, body: { run: 1 } });
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
