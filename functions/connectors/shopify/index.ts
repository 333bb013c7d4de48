export { clearAccessTokenCache } from './access-token';
export {
	defaultReturnReasonHandles,
	type ShopifyConfig,
	type ShopifyConfigInput,
	shopifyApiVersion,
	shopifyConfigSchema,
	shopifyEnvSchema,
} from './config';
export { isFinalSale } from './map-order';
export { createShopifyShop } from './shopify-shop';
