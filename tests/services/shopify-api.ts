import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { clearAccessTokenCache } from '../../functions/connectors/shopify';
import { inProcessFetch } from '../fakes/in-process';
import { createShopifyFake } from '../fakes/shopify-fake';

/**
 * The API's environment with Shopify as its shop, played by a fake that answers every fetch of the calling file's
 * tests: each starts with a fresh fake and no cached token, and must end without breaking the fake's contract.
 */
export function shopifyApi(accessToken: string) {
	const fake = createShopifyFake({ accessToken });
	beforeEach(() => {
		fake.reset();
		clearAccessTokenCache();
		vi.stubGlobal('fetch', inProcessFetch(fake.app));
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		expect(fake.violations()).toEqual([]);
	});
	const shopifyEnv = { ...env, SHOP_CONNECTOR: 'shopify', SHOPIFY_SHOP: 'alder-pine', SHOPIFY_ADMIN_TOKEN: accessToken, TOKEN_HMAC_KEY: 'a signing key of at least thirty-two characters' };
	return { fake, env: shopifyEnv };
}
