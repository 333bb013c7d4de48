import { z } from 'zod';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';

export const gorgiasConfigSchema = z
	.object({
		/** The account's subdomain: `alder-pine` for alder-pine.gorgias.com. */
		domain: z
			.string()
			.trim()
			.toLowerCase()
			.regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
		/** The e-mail of the Gorgias user the API key belongs to (a dedicated, least-privileged agent). */
		email: z.email(),
		apiKey: z.string().min(1),
		/** Overrides `https://{domain}.gorgias.com`, for example to point at a local fake server. */
		baseUrl: vendorBaseUrlSchema.optional(),
		timeoutMs: timeoutMsSchema,
		/**
		 * `api` (default): no auto-reply rules fire, so the form cannot be used to relay e-mail. `email`: agents
		 * can answer by e-mail from Gorgias; needs `supportAddress`.
		 */
		channel: z.enum(['api', 'email']).default('api'),
		/** The shop's support address the shopper's e-mail is addressed to (channel `email`). */
		supportAddress: z.email().optional(),
		/** Display name of the support address. */
		supportName: z.string().trim().max(100).default('Support'),
	})
	.refine((config) => config.channel === 'api' || config.supportAddress !== undefined, {
		message: 'channel "email" needs a support address',
		path: ['supportAddress'],
	});
export type GorgiasConfigInput = z.input<typeof gorgiasConfigSchema>;
export type GorgiasConfig = z.output<typeof gorgiasConfigSchema>;

/**
 * Reads the Gorgias configuration from Worker variables and secrets: `GORGIAS_DOMAIN`, `GORGIAS_EMAIL`,
 * `GORGIAS_API_KEY`; optional `GORGIAS_BASE_URL`, `GORGIAS_CHANNEL` (`api` or `email`),
 * `GORGIAS_SUPPORT_ADDRESS`.
 */
export const gorgiasEnvSchema = z
	.object({
		GORGIAS_DOMAIN: z.string(),
		GORGIAS_EMAIL: z.string(),
		GORGIAS_API_KEY: z.string(),
		GORGIAS_BASE_URL: optionalEnv,
		GORGIAS_CHANNEL: optionalEnv.pipe(z.enum(['api', 'email']).optional()),
		GORGIAS_SUPPORT_ADDRESS: optionalEnv,
	})
	.transform((env): GorgiasConfigInput => ({
		domain: env.GORGIAS_DOMAIN,
		email: env.GORGIAS_EMAIL,
		apiKey: env.GORGIAS_API_KEY,
		baseUrl: env.GORGIAS_BASE_URL,
		channel: env.GORGIAS_CHANNEL,
		supportAddress: env.GORGIAS_SUPPORT_ADDRESS,
	}))
	.pipe(gorgiasConfigSchema);

/** Where the REST API lives for this configuration. */
export function gorgiasBaseUrl(config: GorgiasConfig): string {
	return config.baseUrl ?? `https://${config.domain}.gorgias.com`;
}
