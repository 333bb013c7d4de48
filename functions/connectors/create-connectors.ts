import { ConfigError, type ApiConfig } from '../config';
import { createDemoShop } from './demo-shop/demo-shop';
import type { HelpdeskConnector, Mailer } from './helpdesk';
import { createLocalInbox } from './local-inbox/local-inbox';
import type { ShopConnector } from './shop';

export interface Connectors {
	shop: ShopConnector;
	helpdesk: HelpdeskConnector;
	mailer: Mailer;
}

/** Builds the shop, helpdesk and mailer the settings choose. Vendor credentials come from secrets only. */
export function createConnectors(config: ApiConfig, db: D1Database): Connectors {
	if (config.SHOP_CONNECTOR !== 'demo') throw new ConfigError(`Invalid settings: SHOP_CONNECTOR ${config.SHOP_CONNECTOR} is not available in this build`);
	if (config.HELPDESK_CONNECTOR !== 'local-inbox') throw new ConfigError(`Invalid settings: HELPDESK_CONNECTOR ${config.HELPDESK_CONNECTOR} is not available in this build`);
	const inbox = createLocalInbox(db);
	const shop = createDemoShop(db);
	return { shop, helpdesk: inbox, mailer: inbox };
}
