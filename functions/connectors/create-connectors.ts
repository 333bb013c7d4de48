import type { z } from 'zod';
import { site } from '../../src/config/site';
import { ConfigError, type ApiConfig } from '../config';
import { type ChatModel, chatModelEnvSchema, createChatModel } from './chat-model';
import { createCloudflareMailer, isSendEmailBinding } from './cloudflare-email';
import { createDemoShop } from './demo-shop/demo-shop';
import { createGorgiasHelpdesk, gorgiasEnvSchema } from './gorgias';
import type { HelpdeskConnector } from './helpdesk';
import { createLocalInbox } from './local-inbox/local-inbox';
import { type Mailer, mailSenderEnvSchema } from './mailer';
import { createResendMailer, resendEnvSchema } from './resend';
import type { ShopConnector } from './shop';
import { createShopifyShop, shopifyEnvSchema } from './shopify';
import { createZendeskHelpdesk, zendeskEnvSchema } from './zendesk';

export interface Connectors {
	shop: ShopConnector;
	helpdesk: HelpdeskConnector;
	mailer: Mailer;
}

// The environment object lives as long as the isolate: each vendor's settings are parsed once, not per request.
const parsedSettings = new WeakMap<object, Map<z.ZodType, unknown>>();

/** Parses a vendor's variables and secrets; a mistake names the variables, never their values. */
function vendorSettings<Schema extends z.ZodType>(schema: Schema, env: object, vendor: string): z.output<Schema> {
	let parsed = parsedSettings.get(env);
	if (!parsed) parsedSettings.set(env, (parsed = new Map()));
	if (parsed.has(schema)) return parsed.get(schema) as z.output<Schema>;
	const result = schema.safeParse(env);
	if (!result.success) {
		const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean).join(', ');
		throw new ConfigError(`Invalid settings: ${vendor} needs valid ${names || 'settings'}`);
	}
	parsed.set(schema, result.data);
	return result.data;
}

const senderEnvSchema = mailSenderEnvSchema(site.brand.name);

/** The `send_email` binding MAILER=cloudflare sends through (`[[send_email]] name = "EMAIL"` in wrangler.toml). */
const sendEmailBinding = 'EMAIL';

/** Builds the mailer MAILER chooses; the sender (MAIL_FROM …) is checked for every real mailer. */
function createMailer(env: object, config: ApiConfig, inbox: Mailer): Mailer {
	if (config.MAILER === 'local-inbox') return inbox;
	const sender = vendorSettings(senderEnvSchema, env, `MAILER=${config.MAILER}`);
	if (config.MAILER === 'resend') {
		return createResendMailer({ ...vendorSettings(resendEnvSchema, env, 'Resend'), sender, timeoutMs: config.VENDOR_TIMEOUT_MS });
	}
	const binding: unknown = (env as Record<string, unknown>)[sendEmailBinding];
	if (!isSendEmailBinding(binding)) {
		throw new ConfigError(`Invalid settings: MAILER=cloudflare needs a send_email binding named ${sendEmailBinding}`);
	}
	return createCloudflareMailer(binding, sender);
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
	return { shop, helpdesk, mailer: createMailer(env, config, inbox) };
}

/**
 * The answer model, when ANSWER_MODEL_URL, ANSWER_MODEL and ANSWER_MODEL_KEY are all set; undefined when none is
 * (answers then show the extract alone). Some without the others is a ConfigError naming the missing ones.
 */
export function createAnswerModel(env: object, config: ApiConfig): ChatModel | undefined {
	const settings = vendorSettings(chatModelEnvSchema, env, 'the answer model');
	return settings && createChatModel({ ...settings, timeoutMs: config.VENDOR_TIMEOUT_MS });
}
