/**
 * Failures a connector reports, so callers decide between retrying and giving up without knowing the vendor.
 * Messages never carry request bodies or personal data.
 */
export class ConnectorError extends Error {
	override name = 'ConnectorError';
	constructor(
		message: string,
		/** Worth trying again later (5xx, timeout, network, rate limit). */
		readonly retryable: boolean,
		/** Seconds the vendor asked us to wait (Retry-After, Shopify's throttle status). */
		readonly retryAfterSeconds?: number,
		readonly status?: number,
	) {
		super(message);
	}
}

/** The vendor rejected a payload it will always reject (4xx other than 409/429); retrying cannot help. */
export function permanentFailure(vendor: string, status: number): ConnectorError {
	return new ConnectorError(`${vendor} refused the request (HTTP ${status})`, false, undefined, status);
}

/** The vendor is down, slow or rate-limiting us; try again later. */
export function temporaryFailure(vendor: string, detail: string, retryAfterSeconds?: number, status?: number): ConnectorError {
	return new ConnectorError(`${vendor} is unavailable: ${detail}`, true, retryAfterSeconds, status);
}

/** Parses a Retry-After header given in seconds (HTTP dates are rare from these vendors and treated as absent). */
export function retryAfterSeconds(header: string | null): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header.trim());
	return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) : undefined;
}
