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

/**
 * Runs `action` at most once per (scope, key). A retry with the same body gets the first answer again; the
 * same key with another body is refused with 422; a retry while the first is still running gets 409.
 * Answers from refusals (4xx) are kept like successes, as Stripe does; an unexpected failure frees the key.
 */
export async function runIdempotent(
	db: D1Database,
	scope: string,
	key: string | undefined,
	request: unknown,
	action: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
	if (key === undefined) return action();
	const requestHash = await sha256Hex(canonicalJson(request));
	const claim = await db
		.prepare(
			`INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES (?1, ?2, ?3, 'processing', ?4)
			 ON CONFLICT (scope, key) DO NOTHING`,
		)
		.bind(scope, key, requestHash, Date.now())
		.run();
	if (claim.meta.changes === 0) {
		const row = await db
			.prepare('SELECT request_hash, state, status, body FROM idempotency_keys WHERE scope = ?1 AND key = ?2')
			.bind(scope, key)
			.first<{ request_hash: string; state: string; status: number | null; body: string | null }>();
		if (!row) throw new ApiError(409, 'request_in_progress', 'This request is being processed. Try again in a moment.', {}, { 'Retry-After': '1' });
		if (row.request_hash !== requestHash) {
			throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
		}
		if (row.state !== 'done' || row.status === null) {
			throw new ApiError(409, 'request_in_progress', 'This request is being processed. Try again in a moment.', {}, { 'Retry-After': '1' });
		}
		return { status: row.status, body: JSON.parse(row.body ?? 'null') };
	}
	let response: StoredResponse;
	try {
		response = await action();
	} catch (error) {
		if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
			response = { status: error.status, body: error.toBody() };
		} else {
			await db.prepare('DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2').bind(scope, key).run();
			throw error;
		}
	}
	await db
		.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?3, body = ?4 WHERE scope = ?1 AND key = ?2`)
		.bind(scope, key, response.status, JSON.stringify(response.body))
		.run();
	return response;
}

/** Forgets keys older than two days: retries come within minutes, and clients never reuse a key that late. */
export async function pruneIdempotencyKeys(db: D1Database, now = Date.now()): Promise<void> {
	await db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?1').bind(now - 2 * 86_400_000).run();
}
