import { z } from 'zod';

const optionalSecret = z.string().min(1).optional();

/**
 * The Worker's settings: `[vars]` in wrangler.toml, secrets from `wrangler secret put` or `.dev.vars`.
 * Parsed once per isolate so a misconfiguration fails loudly, naming the setting but never its value.
 */
export const apiConfigSchema = z.object({
	SHOP_CONNECTOR: z.enum(['demo', 'shopify']).default('demo'),
	HELPDESK_CONNECTOR: z.enum(['local-inbox', 'gorgias', 'zendesk']).default('local-inbox'),
	/** Who e-mails shoppers their one-time codes: the demo's local inbox, Cloudflare Email Service or Resend. */
	MAILER: z.enum(['local-inbox', 'cloudflare', 'resend']).default('local-inbox'),
	/** Extra origins allowed to call the API (comma-separated), besides the help center's own. */
	ALLOWED_ORIGINS: z.string().default(''),
	/** Signs order tokens. Required unless the demo shop is used, where one is generated and kept in D1. */
	TOKEN_HMAC_KEY: z.string().min(32, 'TOKEN_HMAC_KEY must be at least 32 characters.').optional(),
	/** Peppers the hashes of e-mail addresses used in rate-limit keys. */
	HASH_PEPPER: optionalSecret,
	TURNSTILE_SECRET: optionalSecret,
	TURNSTILE_VERIFY_URL: z.url().default('https://challenges.cloudflare.com/turnstile/v0/siteverify'),
	/** Multiplies every rate limit; only load tests raise it (`npm run bench:api`). */
	RATE_LIMIT_SCALE: z.coerce.number().positive().max(1e9).default(1),
	/** How long a helpdesk or shop call may take before it counts as failed, in milliseconds. */
	VENDOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(8_000),
	/** First retry delay of the helpdesk forwarding queue, in seconds; doubles with each attempt, up to an hour. */
	FORWARD_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
	/**
	 * How long a submission is retried while the helpdesk is unavailable, in hours, before it is set aside as dead
	 * (logged, kept, re-sent by `npm run outbox -- retry`). Four days outlast a long weekend.
	 */
	FORWARD_GIVE_UP_HOURS: z.coerce.number().int().min(1).max(720).default(96),
	/** Pending forwards older than this are re-sent by the scheduled sweep, in seconds. */
	SWEEP_AFTER_SECONDS: z.coerce.number().int().min(1).default(600),
	/** Days after which a forwarded submission's text is removed from the outbox. */
	REDACT_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
	// Vendor settings (SHOPIFY_*, GORGIAS_*, ZENDESK_*, RESEND_*), the sender (MAIL_*) and the optional answer model
	// (ANSWER_MODEL_URL, ANSWER_MODEL, secret ANSWER_MODEL_KEY) are read by each connector's own schema.
});
export type ApiConfig = z.output<typeof apiConfigSchema>;

/** Thrown for a setting that is missing or wrong; the message names the setting only. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

const cache = new WeakMap<object, ApiConfig>();

/** Reads and validates the Worker's settings from its environment. */
export function readConfig(env: object): ApiConfig {
	const cached = cache.get(env);
	if (cached) return cached;
	const result = apiConfigSchema.safeParse(env);
	if (!result.success) {
		const settings = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
		throw new ConfigError(`Invalid settings: ${settings}`);
	}
	cache.set(env, result.data);
	return result.data;
}
