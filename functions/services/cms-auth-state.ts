import { fromBase64Url, hmac, importHmacKey, timingSafeEqualText, toBase64Url, verifyHmac } from './crypto';

/** How long an editor has to sign in on GitHub before the state runs out. */
export const stateTtlSeconds = 600;

/**
 * The cookie that binds a state to the browser that asked for it, sent as `__Host-cms-oauth-state`: set by this
 * host only, over HTTPS, for the whole host, so no other subdomain can plant one; `SameSite=Lax` still sends it when
 * GitHub sends the editor back (a top-level GET).
 */
export const stateCookie = { name: 'cms-oauth-state', prefix: 'host' } as const;

/** Keeps the state's MAC apart from anything else the same secret could sign. */
const purpose = 'decap-cms-oauth-state';

/**
 * A fresh `state` for GitHub's authorize URL: `<expiry>.<nonce>.<mac>`, the MAC keyed with the OAuth App's secret,
 * which only this Worker and GitHub hold. The same value goes in the cookie, so the callback accepts it only from the
 * browser that started the sign-in (CSRF: no one can make an editor's browser finish a sign-in it did not start).
 */
export async function issueCmsAuthState(secret: string, now = Date.now()): Promise<string> {
	const expires = Math.floor(now / 1000) + stateTtlSeconds;
	const nonce = toBase64Url(crypto.getRandomValues(new Uint8Array(24)));
	const mac = await hmac(await importHmacKey(secret), `${purpose}.${expires}.${nonce}`);
	return `${expires}.${nonce}.${toBase64Url(mac)}`;
}

/** Whether `state` came back unchanged, in time, to the browser holding it in `cookie`. */
export async function verifyCmsAuthState(secret: string, state: string | undefined, cookie: string | undefined, now = Date.now()): Promise<boolean> {
	if (!state || !cookie || state.length > 200) return false;
	const match = /^(\d{10})\.([A-Za-z0-9_-]{32})\.([A-Za-z0-9_-]{43})$/.exec(state);
	if (!match) return false;
	const [, expires, nonce, macText] = match;
	const mac = fromBase64Url(macText!);
	if (!mac || Number(expires) < Math.floor(now / 1000)) return false;
	const [sameBrowser, signed] = await Promise.all([
		timingSafeEqualText(state, cookie),
		verifyHmac(await importHmacKey(secret), mac, `${purpose}.${expires}.${nonce}`),
	]);
	return sameBrowser && signed;
}
