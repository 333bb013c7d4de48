/**
 * How a vendor failed: `unavailable` (down, slow, throttling, an answer we could not read: trying again later can
 * help) or `refused` (it said no and will say no again: someone has to act first).
 */
export type ConnectorFailureKind = 'unavailable' | 'refused';

export interface ConnectorErrorOptions {
	/** Who failed, as logs and agents name it ("Shopify", "Gorgias", "Resend" …). */
	vendor: string;
	kind: ConnectorFailureKind;
	/** The HTTP status the vendor answered (or the one its answer amounts to), when there was an answer. */
	status?: number | undefined;
	/** Seconds the vendor asked us to wait (Retry-After, Shopify's throttle status). */
	retryAfterSeconds?: number | undefined;
}

/**
 * Failures a connector reports, so callers decide between retrying and giving up without knowing the vendor.
 * Messages never carry request bodies or personal data.
 */
export class ConnectorError extends Error {
	override name = 'ConnectorError';
	readonly vendor: string;
	readonly kind: ConnectorFailureKind;
	/** Worth trying again later: the vendor was unavailable, it did not refuse. */
	readonly retryable: boolean;
	readonly status: number | undefined;
	readonly retryAfterSeconds: number | undefined;

	constructor(message: string, options: ConnectorErrorOptions) {
		super(message);
		this.vendor = options.vendor;
		this.kind = options.kind;
		this.retryable = options.kind === 'unavailable';
		this.status = options.status;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}
}

/** The vendor rejected a request it will always reject (4xx other than 409/429); retrying cannot help. */
export function permanentFailure(options: { vendor: string; status: number }): ConnectorError {
	return new ConnectorError(`${options.vendor} refused the request (HTTP ${options.status})`, { ...options, kind: 'refused' });
}

/** The vendor is down, slow or rate-limiting us; `detail` says which, in words free of request data. */
export function temporaryFailure(options: { vendor: string; detail: string; retryAfterSeconds?: number | undefined; status?: number | undefined }): ConnectorError {
	const { detail, ...rest } = options;
	return new ConnectorError(`${options.vendor} is unavailable: ${detail}`, { ...rest, kind: 'unavailable' });
}

/** Parses a Retry-After header given in seconds (HTTP dates are rare from these vendors and treated as absent). */
export function retryAfterSeconds(header: string | null): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header.trim());
	return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) : undefined;
}
