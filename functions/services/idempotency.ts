import { z } from 'zod';
import { ApiError } from '../errors';
import { sha256Hex } from './crypto';

/** Keys clients may send: UUIDs or other opaque tokens, up to 255 characters, no control characters. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,255}$/);

export interface StoredResponse {
	status: number;
	body: unknown;
}

/** Canonical JSON: object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** Reads and checks the Idempotency-Key header; `required` routes refuse requests without one. */
export function readIdempotencyKey(header: string | undefined, required: boolean): string | undefined {
	if (header === undefined) {
		if (required) throw new ApiError(400, 'idempotency_key_required', 'Send an Idempotency-Key header (for example a UUID) so a retry never acts twice.');
		return undefined;
	}
	const result = idempotencyKeySchema.safeParse(header);
	if (!result.success) throw new ApiError(400, 'invalid_request', 'The Idempotency-Key header must be 8 to 255 letters, digits or -_.:', { fields: [{ path: 'Idempotency-Key', problem: 'invalid_format' }] });
	return result.data;
}

/** How long a claim on a key holds: longer than any request takes, short enough that a crash costs a minute. */
export const idempotencyLeaseMs = 60_000;

/** Which ledger entry a request uses, and who asks. */
export interface IdempotencyClaim {
	/** The route, and its resource if it has one: `returns:1005`. */
	scope: string;
	/** The Idempotency-Key header; without one the action simply runs. */
	key: string | undefined;
	/**
	 * Who is authorised to see the answer (a digest of their credentials), or null on routes anyone may call.
	 * It is part of the request's fingerprint: an answer is only ever replayed to whoever it was given to.
	 */
	requester: string | null;
}

function inProgress(retryAfterSeconds: number): ApiError {
	return new ApiError(409, 'request_in_progress', 'This request is being processed. Try again in a moment.', {}, { 'Retry-After': String(Math.max(retryAfterSeconds, 1)) });
}

/**
 * Runs `action` at most once per (scope, key). A retry with the same body by the same requester gets the first
 * answer again; the same key with another body, or from anyone else, is refused with 422; a retry while the first
 * still holds its lease gets 409, with Retry-After until the lease ends, after which the key can be taken over (the
 * first request died). Only what the action returns is kept, an answer that did something: whatever it throws
 * frees the key, since a refusal changed nothing and a retry must be judged afresh, with the token it then
 * carries and against the order as it then is. Callers authorise the request before calling this, so a request
 * that is not allowed never writes a row.
 */
export async function runIdempotent(
	db: D1Database,
	claim: IdempotencyClaim,
	request: unknown,
	action: () => Promise<StoredResponse>,
	now = Date.now(),
): Promise<StoredResponse> {
	const { scope, key, requester } = claim;
	if (key === undefined) return action();
	const requestHash = await sha256Hex(canonicalJson({ requester, request }));
	// A new key is claimed; so is one whose claim outlived its lease, by the same request only. The claim's time
	// (created_at) identifies it: a taken-over claim is a lease later, so the two never share one.
	const claimed = await db
		.prepare(
			`INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES (?1, ?2, ?3, 'processing', ?4)
			 ON CONFLICT (scope, key) DO UPDATE SET created_at = excluded.created_at
			 WHERE state = 'processing' AND created_at <= ?5 AND request_hash = excluded.request_hash`,
		)
		.bind(scope, key, requestHash, now, now - idempotencyLeaseMs)
		.run();
	if (claimed.meta.changes === 0) {
		const row = await db
			.prepare('SELECT request_hash, state, status, body, created_at FROM idempotency_keys WHERE scope = ?1 AND key = ?2')
			.bind(scope, key)
			.first<{ request_hash: string; state: string; status: number | null; body: string | null; created_at: number }>();
		// Freed between the two statements: the first request failed a moment ago, so trying again will run.
		if (!row) throw inProgress(1);
		if (row.request_hash !== requestHash) {
			throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
		}
		if (row.state !== 'done' || row.status === null) throw inProgress(Math.ceil((row.created_at + idempotencyLeaseMs - now) / 1000));
		return { status: row.status, body: JSON.parse(row.body ?? 'null') };
	}
	let response: StoredResponse;
	try {
		response = await action();
	} catch (error) {
		await db.prepare(`DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND state = 'processing' AND created_at = ?3`).bind(scope, key, now).run();
		throw error;
	}
	// A request that outlived its lease finds its claim taken over: the retry's answer stays.
	await db
		.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?3, body = ?4 WHERE scope = ?1 AND key = ?2 AND state = 'processing' AND created_at = ?5`)
		.bind(scope, key, response.status, JSON.stringify(response.body), now)
		.run();
	return response;
}

/** Forgets keys claimed more than two days ago: retries come within minutes, and clients never reuse a key that late. */
export async function pruneIdempotencyKeys(db: D1Database, now = Date.now()): Promise<void> {
	await db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?1').bind(now - 2 * 86_400_000).run();
}
