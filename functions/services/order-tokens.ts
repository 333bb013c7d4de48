import { z } from 'zod';
import { ApiError } from '../errors';
import { fromBase64Url, hmac, sha256Hex, toBase64Url, verifyHmac } from './crypto';

/** "view" proves knowledge of the order number and e-mail; "change" proves possession of the mailbox (a code). */
export const tokenPurposeSchema = z.enum(['view', 'change']);
export type TokenPurpose = z.infer<typeof tokenPurposeSchema>;

const tokenClaimsSchema = z.strictObject({
	v: z.literal(1),
	/** Order id. */
	o: z.string().min(1).max(200),
	/** Hash of the order's e-mail: the token dies if the order's e-mail changes. */
	e: z.string().length(64),
	p: tokenPurposeSchema,
	/** Expiry, seconds since the epoch. */
	x: z.number().int().positive(),
	/** Unique id. A change token makes at most one return and one address change: the id is kept with each. */
	j: z.string().min(8).max(64),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export const tokenLifetimeSeconds: Record<TokenPurpose, number> = { view: 30 * 60, change: 15 * 60 };

/** Hash of a normalised e-mail address, as bound into tokens. */
export function emailDigest(email: string): Promise<string> {
	return sha256Hex(`email:${normalizeEmail(email)}`);
}

/**
 * Normalises an e-mail for comparison: trimmed, Unicode NFC, lowercase. Dots and +tags are kept: they can
 * name another mailbox.
 */
export function normalizeEmail(email: string): string {
	return email.trim().normalize('NFC').toLowerCase();
}

/**
 * Who a token speaks for: the order and its mailbox, not the token itself. Every change token the owner gets by
 * proving the mailbox again is the same holder, so a retry with a fresh token finds the answer the first one got
 * (and does not act twice); anyone else is another holder.
 */
export function tokenHolder(claims: Pick<TokenClaims, 'o' | 'e'>): Promise<string> {
	return sha256Hex(`token-holder:${claims.o}:${claims.e}`);
}

/** Signs a token bound to an order, its e-mail and a purpose: `base64url(claims).base64url(HMAC)`. */
export async function issueOrderToken(
	key: CryptoKey,
	orderId: string,
	email: string,
	purpose: TokenPurpose,
	now = Date.now(),
): Promise<{ value: string; purpose: TokenPurpose; expiresAt: string }> {
	const expires = Math.floor(now / 1000) + tokenLifetimeSeconds[purpose];
	const claims: TokenClaims = { v: 1, o: orderId, e: await emailDigest(email), p: purpose, x: expires, j: crypto.randomUUID() };
	const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(claims)));
	const signature = toBase64Url(await hmac(key, `order-token.${payload}`));
	return { value: `${payload}.${signature}`, purpose, expiresAt: new Date(expires * 1000).toISOString() };
}

/**
 * Verifies a token's signature, expiry and purpose. A "change" token also works where "view" is asked;
 * never the other way round.
 */
export async function verifyOrderToken(key: CryptoKey, token: string, purpose: TokenPurpose, now = Date.now()): Promise<TokenClaims> {
	const invalid = new ApiError(401, 'invalid_token', 'This link has expired or is not valid. Look up your order again.');
	const [payload = '', signature = '', ...rest] = token.split('.');
	const mac = fromBase64Url(signature);
	if (rest.length > 0 || !payload || !mac || !(await verifyHmac(key, mac, `order-token.${payload}`))) throw invalid;
	const bytes = fromBase64Url(payload);
	let claims: TokenClaims;
	try {
		claims = tokenClaimsSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
	} catch {
		throw invalid;
	}
	if (claims.x * 1000 <= now) throw invalid;
	if (purpose === 'change' && claims.p !== 'change') {
		throw new ApiError(403, 'verification_required', 'Confirm it is your order with the code we e-mail you before changing it.');
	}
	return claims;
}
