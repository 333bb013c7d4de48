import { permanentFailure, temporaryFailure } from '../errors';
import { callVendor, type FetchFn, parseJson } from '../http';
import { shopifyBaseUrl, type ShopifyConfig, shopifyVendor as vendor } from './config';
import { accessTokenSchema } from './payloads';

/** Gives the Admin API token to send; client-credentials tokens expire and are fetched again. */
export interface AccessTokenSource {
	get(): Promise<string>;
	/** Forgets a token Shopify refused; answers whether a fresh one can be fetched. */
	invalidate(): boolean;
}

interface CachedToken {
	token: string;
	expiresAt: number;
}

// Shared by every connector in the isolate, so a Worker fetches one token per day rather than one per request.
const tokenCache = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

/** Tokens are refreshed this long before they expire. */
const refreshMarginMs = 5 * 60_000;
/** Shopify documents no lifetime in the answer we rely on; 24 hours is what is reported. */
const defaultLifetimeSeconds = 24 * 60 * 60;

/** The token source for a configuration: the static token, or client credentials with an in-memory cache. */
export function accessTokenSource(config: ShopifyConfig, fetchFn: FetchFn, now: () => number = Date.now): AccessTokenSource {
	const { accessToken, clientId, clientSecret } = config;
	if (accessToken !== undefined) return { get: async () => accessToken, invalidate: () => false };
	if (clientId === undefined || clientSecret === undefined) throw new Error('Shopify configuration without credentials');
	const baseUrl = shopifyBaseUrl(config);
	const key = `${baseUrl} ${clientId}`;

	async function fetchToken(): Promise<CachedToken> {
		const response = await callVendor(
			vendor,
			fetchFn,
			`${baseUrl}/admin/oauth/access_token`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: clientId!,
					client_secret: clientSecret!,
				}).toString(),
			},
			config.timeoutMs,
		);
		if (response.status >= 500 || response.status === 429)
			throw temporaryFailure({ vendor, detail: 'token endpoint failed', status: response.status });
		if (response.status !== 200) throw permanentFailure({ vendor, status: response.status });
		const parsed = accessTokenSchema.safeParse(parseJson(response.text));
		if (!parsed.success) throw temporaryFailure({ vendor, detail: 'unexpected token response', status: response.status });
		const lifetimeMs = (parsed.data.expires_in ?? defaultLifetimeSeconds) * 1000;
		return { token: parsed.data.access_token, expiresAt: now() + Math.max(lifetimeMs - refreshMarginMs, lifetimeMs / 2) };
	}

	return {
		async get() {
			const cached = tokenCache.get(key);
			if (cached && cached.expiresAt > now()) return cached.token;
			let inFlight = pending.get(key);
			if (!inFlight) {
				inFlight = fetchToken().finally(() => pending.delete(key));
				pending.set(key, inFlight);
			}
			const fresh = await inFlight;
			tokenCache.set(key, fresh);
			return fresh.token;
		},
		invalidate() {
			tokenCache.delete(key);
			return true;
		},
	};
}

/** Empties the token cache (tests, and rotating client secrets without a redeploy). */
export function clearAccessTokenCache(): void {
	tokenCache.clear();
}
