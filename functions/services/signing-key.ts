import { ConfigError, type ApiConfig } from '../config';
import { importHmacKey, toBase64Url } from './crypto';

let demoSecret: Promise<string> | undefined;

/**
 * The root secret: TOKEN_HMAC_KEY. With the demo shop and no secret, a random one is generated once and kept
 * in D1, so the demo runs with no set-up; a real shop requires the secret.
 */
async function rootSecret(config: ApiConfig, db: D1Database): Promise<string> {
	if (config.TOKEN_HMAC_KEY) return config.TOKEN_HMAC_KEY;
	if (config.SHOP_CONNECTOR !== 'demo') throw new ConfigError('Invalid settings: TOKEN_HMAC_KEY is required with a real shop');
	demoSecret ??= (async () => {
		const candidate = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
		await db.prepare(`INSERT INTO settings (name, value) VALUES ('demo_signing_key', ?1) ON CONFLICT (name) DO NOTHING`).bind(candidate).run();
		const row = await db.prepare(`SELECT value FROM settings WHERE name = 'demo_signing_key'`).first<{ value: string }>();
		return row?.value ?? candidate;
	})();
	return demoSecret.catch((error: unknown) => {
		demoSecret = undefined;
		throw error;
	});
}

// Keys are derived once per isolate and secret, not on every request.
const signingKeys = new Map<string, Promise<CryptoKey>>();
const dataKeys = new Map<string, Promise<CryptoKey>>();

function memo(cache: Map<string, Promise<CryptoKey>>, secret: string, derive: (secret: string) => Promise<CryptoKey>): Promise<CryptoKey> {
	let key = cache.get(secret);
	if (!key) {
		key = derive(secret);
		cache.set(secret, key);
	}
	return key;
}

/** The key that signs order tokens and hashes one-time codes. */
export async function getSigningKey(config: ApiConfig, db: D1Database): Promise<CryptoKey> {
	return memo(signingKeys, await rootSecret(config, db), importHmacKey);
}

/** The AES-GCM key that encrypts what shoppers wrote while it waits in the outbox, derived with HKDF. */
export async function getDataKey(config: ApiConfig, db: D1Database): Promise<CryptoKey> {
	return memo(dataKeys, await rootSecret(config, db), deriveDataKey);
}

async function deriveDataKey(secret: string): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('help-center'), info: new TextEncoder().encode('outbox-encryption') },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt'],
	);
}
