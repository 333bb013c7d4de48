import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { decryptText, encryptText, hmac, verifyHmac } from '../../functions/services/crypto';
import { getDataKey, getSigningKey } from '../../functions/services/signing-key';
import { thrown } from './support';

const secret = 'a TOKEN_HMAC_KEY of at least thirty-two characters';

describe('getSigningKey and getDataKey', () => {
	it('derive the same keys from TOKEN_HMAC_KEY every time, and different ones from another secret', async () => {
		const config = readConfig({ SHOP_CONNECTOR: 'shopify', TOKEN_HMAC_KEY: secret });
		const mac = await hmac(await getSigningKey(config, env.DB), 'order-token.payload');
		expect(await verifyHmac(await getSigningKey({ ...config }, env.DB), Uint8Array.from(mac), 'order-token.payload')).toBe(true);
		const other = readConfig({ SHOP_CONNECTOR: 'shopify', TOKEN_HMAC_KEY: `${secret}, rotated` });
		expect(await verifyHmac(await getSigningKey(other, env.DB), Uint8Array.from(mac), 'order-token.payload')).toBe(false);
		const sealed = await encryptText(await getDataKey(config, env.DB), 'ticket');
		expect(await decryptText(await getDataKey({ ...config }, env.DB), sealed)).toBe('ticket');
		await expect(decryptText(await getDataKey(other, env.DB), sealed)).rejects.toThrow();
	});

	it('keep the data key apart from the signing key', async () => {
		const config = readConfig({ SHOP_CONNECTOR: 'shopify', TOKEN_HMAC_KEY: secret });
		expect((await getDataKey(config, env.DB)).algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		expect((await getSigningKey(config, env.DB)).algorithm).toMatchObject({ name: 'HMAC' });
	});

	it('with the demo shop and no secret: generate one once and keep it in D1', async () => {
		const config = readConfig({});
		const mac = await hmac(await getSigningKey(config, env.DB), 'text');
		const stored = await env.DB.prepare(`SELECT value FROM settings WHERE name = 'demo_signing_key'`).first<{ value: string }>();
		expect(stored?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// The kept value is the secret: a key derived from it checks the MAC.
		const fromStored = readConfig({ SHOP_CONNECTOR: 'shopify', TOKEN_HMAC_KEY: stored?.value });
		expect(await verifyHmac(await getSigningKey(fromStored, env.DB), Uint8Array.from(mac), 'text')).toBe(true);
	});

	it('with a real shop: refuse to run without TOKEN_HMAC_KEY, naming the setting only', async () => {
		const error = await thrown(() => getSigningKey(readConfig({ SHOP_CONNECTOR: 'shopify' }), env.DB));
		expect(error).toMatchObject({ name: 'ConfigError', message: 'Invalid settings: TOKEN_HMAC_KEY is required with a real shop' });
	});
});
