import { z } from 'zod';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';

/** How errors and logs name this vendor. */
export const shopifyVendor = 'Shopify';

/** The Admin API version every request is pinned to (`returnReasonDefinitionId` needs 2026-01 or later). */
export const shopifyApiVersion = '2026-10';

/**
 * Shopify handles of the return reasons in `content/site.yaml`, used unless the configuration maps a reason
 * itself. Handles come from Shopify's return reason library; check them against
 * `returnReasonDefinitions` on your store, since the library can change.
 */
export const defaultReturnReasonHandles: Readonly<Record<string, string>> = {
	'too-small': 'too-small',
	'too-large': 'too-large',
	'not-as-described': 'not-as-described',
	damaged: 'damaged-or-defective',
	'wrong-item': 'wrong-item',
	'changed-mind': 'changed-mind',
};

const handleSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

export const shopifyConfigSchema = z
	.object({
		/** The store's subdomain: `alder-pine` for alder-pine.myshopify.com (the suffix is accepted and dropped). */
		shop: z
			.string()
			.trim()
			.toLowerCase()
			.transform((value) => value.replace(/\.myshopify\.com$/, ''))
			.pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/)),
		/** A static Admin API token (`shpat_…`) of a custom app. */
		accessToken: z.string().min(1).optional(),
		/** Client credentials of an app owned by the merchant's organisation; tokens are fetched and cached. */
		clientId: z.string().min(1).optional(),
		clientSecret: z.string().min(1).optional(),
		/** Overrides `https://{shop}.myshopify.com`, for example to point at a local fake server. */
		baseUrl: vendorBaseUrlSchema.optional(),
		timeoutMs: timeoutMsSchema,
		/** Our return reason id → Shopify return reason handle; merged over the defaults. */
		returnReasonHandles: z.record(z.string(), handleSchema).default({}),
		/** Products with this tag are final sale. */
		finalSaleTag: z.string().trim().min(1).max(255).default('final-sale'),
	})
	.refine((config) => config.accessToken !== undefined || (config.clientId !== undefined && config.clientSecret !== undefined), {
		message: 'needs an access token, or a client id and a client secret',
	});
export type ShopifyConfigInput = z.input<typeof shopifyConfigSchema>;
export type ShopifyConfig = z.output<typeof shopifyConfigSchema>;

/** Parses `reason=handle,reason=handle`. */
const reasonHandleList = z
	.string()
	.regex(
		/^\s*[a-z0-9-]+\s*=\s*[a-z0-9-]+\s*(,\s*[a-z0-9-]+\s*=\s*[a-z0-9-]+\s*)*$/,
		'use reason=handle pairs separated by commas',
	)
	.transform((value) => Object.fromEntries(value.split(',').map((pair) => pair.split('=').map((part) => part.trim()))));

/**
 * Reads the Shopify configuration from Worker variables and secrets: `SHOPIFY_SHOP`, then either
 * `SHOPIFY_ADMIN_TOKEN` or `SHOPIFY_CLIENT_ID` + `SHOPIFY_CLIENT_SECRET`; optional `SHOPIFY_BASE_URL`,
 * `SHOPIFY_RETURN_REASON_HANDLES` (`too-small=size-too-small,…`) and `SHOPIFY_FINAL_SALE_TAG`.
 */
export const shopifyEnvSchema = z
	.object({
		SHOPIFY_SHOP: z.string(),
		SHOPIFY_ADMIN_TOKEN: optionalEnv,
		SHOPIFY_CLIENT_ID: optionalEnv,
		SHOPIFY_CLIENT_SECRET: optionalEnv,
		SHOPIFY_BASE_URL: optionalEnv,
		SHOPIFY_RETURN_REASON_HANDLES: optionalEnv.pipe(reasonHandleList.optional()),
		SHOPIFY_FINAL_SALE_TAG: optionalEnv,
	})
	.transform((env): ShopifyConfigInput => ({
		shop: env.SHOPIFY_SHOP,
		accessToken: env.SHOPIFY_ADMIN_TOKEN,
		clientId: env.SHOPIFY_CLIENT_ID,
		clientSecret: env.SHOPIFY_CLIENT_SECRET,
		baseUrl: env.SHOPIFY_BASE_URL,
		returnReasonHandles: env.SHOPIFY_RETURN_REASON_HANDLES,
		finalSaleTag: env.SHOPIFY_FINAL_SALE_TAG,
	}))
	.pipe(shopifyConfigSchema);

/** Where the Admin API lives for this configuration. */
export function shopifyBaseUrl(config: ShopifyConfig): string {
	return config.baseUrl ?? `https://${config.shop}.myshopify.com`;
}
