import type { ConnectorError } from './connectors/errors';
import { errorBody, type ErrorBody, type ErrorCode } from './contract/errors';

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/** Thrown anywhere in the API; `app.onError` turns it into its JSON error response. */
export class ApiError extends Error {
	override name = 'ApiError';
	constructor(
		readonly status: ErrorStatus,
		readonly code: ErrorCode,
		message: string,
		readonly extra: Omit<ErrorBody['error'], 'code' | 'message'> = {},
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	toBody(): ErrorBody {
		return errorBody(this.code, this.message, this.extra);
	}
}

/**
 * The answer to a shop failure no service handled: a shop that is down, slow or throttling gets 503
 * `shop_unavailable` with when to try again; one that refused (it will refuse again) gets 502 `shop_refused`.
 * Neither names the vendor nor repeats what it said.
 */
export function shopFailure(error: ConnectorError): ApiError {
	if (error.retryable) {
		return new ApiError(503, 'shop_unavailable', 'The shop is not answering right now. Please try again in a moment.', {}, {
			'Retry-After': String(error.retryAfterSeconds ?? 5),
		});
	}
	return new ApiError(502, 'shop_refused', 'The shop could not do this right now. Write to us and we will do it for you.');
}
