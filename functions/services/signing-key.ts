import { ConfigError, type ApiConfig } from '../config';
import { importHmacKey, toBase64Url } from './crypto';

let demoKey: Promise<CryptoKey> | undefined;

/**
 * The key that signs order tokens and hashes codes: the TOKEN_HMAC_KEY secret. With the demo shop and no secret,
 * a random key is generated once and kept in D1, so the demo runs with no set-up; a real shop requires the secret.
 */
export async function getSigningKey(config: ApiConfig, db: D1Database): Promise<CryptoKey> {
	if (config.TOKEN_HMAC_KEY) return importHmacKey(config.TOKEN_HMAC_KEY);
	if (config.SHOP_CONNECTOR !== 'demo') throw new ConfigError('Invalid settings: TOKEN_HMAC_KEY is required with a real shop');
	demoKey ??= (async () => {
		const candidate = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
		await db.prepare(`INSERT INTO settings (name, value) VALUES ('demo_signing_key', ?1) ON CONFLICT (name) DO NOTHING`).bind(candidate).run();
		const row = await db.prepare(`SELECT value FROM settings WHERE name = 'demo_signing_key'`).first<{ value: string }>();
		return importHmacKey(row?.value ?? candidate);
	})();
	return demoKey.catch((error: unknown) => {
		demoKey = undefined;
		throw error;
	});
}
