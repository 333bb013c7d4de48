import { errorBody, type ErrorBody, type ErrorCode } from './contract/errors';

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

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
