import { z } from 'zod';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';

export const zendeskConfigSchema = z.object({
	/** The account's subdomain: `alder-pine` for alder-pine.zendesk.com. */
	subdomain: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
	/** The e-mail of the agent the API token acts for. */
	email: z.email(),
	apiToken: z.string().min(1),
	/** Overrides `https://{subdomain}.zendesk.com`, for example to point at a local fake server. */
	baseUrl: vendorBaseUrlSchema.optional(),
	timeoutMs: timeoutMsSchema,
});
export type ZendeskConfigInput = z.input<typeof zendeskConfigSchema>;
export type ZendeskConfig = z.output<typeof zendeskConfigSchema>;

/**
 * Reads the Zendesk configuration from Worker variables and secrets: `ZENDESK_SUBDOMAIN`, `ZENDESK_EMAIL`,
 * `ZENDESK_API_TOKEN`; optional `ZENDESK_BASE_URL`.
 */
export const zendeskEnvSchema = z
	.object({
		ZENDESK_SUBDOMAIN: z.string(),
		ZENDESK_EMAIL: z.string(),
		ZENDESK_API_TOKEN: z.string(),
		ZENDESK_BASE_URL: optionalEnv,
	})
	.transform((env): ZendeskConfigInput => ({
		subdomain: env.ZENDESK_SUBDOMAIN,
		email: env.ZENDESK_EMAIL,
		apiToken: env.ZENDESK_API_TOKEN,
		baseUrl: env.ZENDESK_BASE_URL,
	}))
	.pipe(zendeskConfigSchema);

/** Where the API lives for this configuration. */
export function zendeskBaseUrl(config: ZendeskConfig): string {
	return config.baseUrl ?? `https://${config.subdomain}.zendesk.com`;
}
