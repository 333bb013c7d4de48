import { env, exports } from 'cloudflare:workers';

export const origin = 'https://help.alderandpine.example';

/** Calls the built Worker (inside workerd) like a browser on the help center would. */
export async function call(path: string, init: { body?: unknown; rawBody?: string; headers?: Record<string, string>; method?: string } = {}) {
	const response = await exports.default.fetch(
		new Request(`${origin}${path}`, {
			method: init.method ?? 'POST',
			headers: { 'Content-Type': 'application/json', ...init.headers },
			body: init.rawBody ?? (init.body === undefined ? null : JSON.stringify(init.body)),
		}),
	);
	const text = await response.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, json, text };
}

let ipCounter = 0;
/** A fresh client address, so rate limits of one test do not spill into another. */
export function freshIp(): string {
	ipCounter += 1;
	return `198.51.100.${ipCounter % 250}`;
}

export async function lookup(orderNumber: string, email: string, extra: Record<string, unknown> = {}, ip = freshIp()) {
	return call('/api/orders/lookup', { body: { orderNumber, email, ...extra }, headers: { 'CF-Connecting-IP': ip } });
}

/** Sends a return of order `orderId` with a change token (and a new Idempotency-Key unless given one). */
export function postReturn(orderId: string, token: string, body: unknown, key = crypto.randomUUID()) {
	return call(`/api/orders/${orderId}/returns`, { body, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key } });
}

/** Sends an address change of order `orderId` with a change token (and a new Idempotency-Key unless given one). */
export function postAddress(orderId: string, token: string, address: Record<string, string>, key = crypto.randomUUID()) {
	return call(`/api/orders/${orderId}/address`, { body: { address }, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key } });
}

/** The newest one-time code e-mailed to `email`, read from the local inbox like a shopper reads their mail. */
export async function latestCode(email: string): Promise<string> {
	const row = await env.DB.prepare(`SELECT body FROM inbox WHERE kind = 'email' AND recipient = ?1 AND external_id LIKE 'verification-code/%' ORDER BY id DESC LIMIT 1`).bind(email).first<{ body: string }>();
	const code = /\b(\d{6})\b/.exec(row?.body ?? '')?.[1];
	if (!code) throw new Error(`no code e-mailed to ${email}`);
	return code;
}

/** Looks an order up, asks for a code, reads it from the inbox and exchanges it for a change token. */
export async function changeToken(orderNumber: string, email: string, purpose?: 'return' | 'address'): Promise<{ orderId: string; token: string; verified: Record<string, unknown> }> {
	const found = await lookup(orderNumber, email);
	if (found.status !== 200) throw new Error(`lookup failed: ${found.text}`);
	const viewToken = found.json.token.value as string;
	const sent = await call('/api/orders/verify/code', { body: { token: viewToken }, headers: { 'CF-Connecting-IP': freshIp() } });
	if (sent.status !== 202) throw new Error(`code not sent: ${sent.text}`);
	const verified = await call('/api/orders/verify', { body: { token: viewToken, code: await latestCode(email), ...(purpose ? { purpose } : {}) }, headers: { 'CF-Connecting-IP': freshIp() } });
	if (verified.status !== 200) throw new Error(`verify failed: ${verified.text}`);
	return { orderId: found.json.order.id as string, token: verified.json.token.value as string, verified: verified.json };
}

/** Waits until `check` holds, polling; the queue consumer runs in the background. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** The e-mail with this reference in the local inbox, and how many there are, once the queue has sent it. */
export async function emailByReference(reference: string): Promise<{ recipient: string; subject: string; body: string; copies: number }> {
	const email = await eventually(() =>
		env.DB.prepare(`SELECT recipient, subject, body FROM inbox WHERE kind = 'email' AND external_id = ?1`).bind(reference).first<{ recipient: string; subject: string; body: string }>().then((row) => row ?? undefined),
	);
	const copies = (await env.DB.prepare(`SELECT COUNT(*) AS count FROM inbox WHERE external_id = ?1`).bind(reference).first<{ count: number }>())?.count ?? 0;
	return { ...email, copies };
}
