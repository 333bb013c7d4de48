import type { ErrorBody } from '../../../../functions/contract/errors';

export type ApiError = ErrorBody['error'];

/** Why a call did not succeed: no answer at all, too many attempts, or an error answer with its stable code. */
export type ApiFailure =
	| { kind: 'network' }
	| { kind: 'rate_limited'; retryAfterSeconds: number }
	| { kind: 'error'; status: number; error: ApiError };

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; failure: ApiFailure };

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); a minute when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
	if (header && /^\d+$/.test(header.trim())) return Math.max(1, Number(header));
	const date = header ? Date.parse(header) : Number.NaN;
	return Number.isNaN(date) ? 60 : Math.max(1, Math.ceil((date - now) / 1000));
}

function isErrorBody(value: unknown): value is ErrorBody {
	const error = (value as ErrorBody | undefined)?.error;
	return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** POSTs JSON to the help center's API and sorts the outcome; never throws. */
export async function postJson<T>(path: string, body: unknown, options: { token?: string | undefined; idempotencyKey?: string | undefined } = {}): Promise<ApiResult<T>> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
	if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
	if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
	let response: Response;
	let json: unknown;
	try {
		response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
		json = await response.json().catch(() => undefined);
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	if (response.ok && json !== undefined) return { ok: true, status: response.status, data: json as T };
	if (response.status === 429 && (!isErrorBody(json) || json.error.code === 'rate_limited')) {
		return { ok: false, failure: { kind: 'rate_limited', retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')) } };
	}
	const error: ApiError = isErrorBody(json) ? json.error : { code: 'internal_error', message: '' };
	return { ok: false, failure: { kind: 'error', status: response.status, error } };
}
