import type { z } from 'zod';
import { ConfigError, type ApiConfig } from '../config';
import { createDemoShop } from './demo-shop/demo-shop';
import { createGorgiasHelpdesk, gorgiasEnvSchema } from './gorgias';
import type { HelpdeskConnector, Mailer } from './helpdesk';
import { createLocalInbox } from './local-inbox/local-inbox';
import type { ShopConnector } from './shop';
import { createShopifyShop, shopifyEnvSchema } from './shopify';
import { createZendeskHelpdesk, zendeskEnvSchema } from './zendesk';

export interface Connectors {
	shop: ShopConnector;
	helpdesk: HelpdeskConnector;
	mailer: Mailer;
}

/** Parses a vendor's variables and secrets; a mistake names the variables, never their values. */
function vendorSettings<Schema extends z.ZodType>(schema: Schema, env: object, vendor: string): z.output<Schema> {
	const result = schema.safeParse(env);
	if (!result.success) {
		const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean).join(', ');
		throw new ConfigError(`Invalid settings: ${vendor} needs valid ${names || 'settings'}`);
	}
	return result.data;
}

/** Builds the shop, helpdesk and mailer the settings choose. Vendor credentials come from secrets only. */
export function createConnectors(env: object, config: ApiConfig, db: D1Database): Connectors {
	const timeoutMs = config.VENDOR_TIMEOUT_MS;
	const inbox = createLocalInbox(db);
	const shop =
		config.SHOP_CONNECTOR === 'shopify'
			? createShopifyShop({ ...vendorSettings(shopifyEnvSchema, env, 'Shopify'), timeoutMs })
			: createDemoShop(db);
	const helpdesk =
		config.HELPDESK_CONNECTOR === 'gorgias'
			? createGorgiasHelpdesk({ ...vendorSettings(gorgiasEnvSchema, env, 'Gorgias'), timeoutMs })
			: config.HELPDESK_CONNECTOR === 'zendesk'
				? createZendeskHelpdesk({ ...vendorSettings(zendeskEnvSchema, env, 'Zendesk'), timeoutMs })
				: inbox;
	return { shop, helpdesk, mailer: inbox };
}
