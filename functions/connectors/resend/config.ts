import { z } from 'zod';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';
import { mailSenderSchema } from '../mailer';

export const resendConfigSchema = z.object({
	/** An API key, best with "Sending access" only; it travels in a header, so no spaces or control characters. */
	apiKey: z.string().regex(/^[\x21-\x7E]{1,512}$/),
	/** Overrides `https://api.resend.com`, for example to point at a local fake server. */
	baseUrl: vendorBaseUrlSchema.optional(),
	timeoutMs: timeoutMsSchema,
	sender: mailSenderSchema,
});
export type ResendConfigInput = z.input<typeof resendConfigSchema>;
export type ResendConfig = z.output<typeof resendConfigSchema>;

/**
 * Reads Resend's own settings from Worker secrets and variables: `RESEND_API_KEY`; optional `RESEND_BASE_URL`.
 * The sender (`MAIL_FROM` …) and the timeout are shared by every mailer and added by the caller.
 */
export const resendEnvSchema = z
	.object({ RESEND_API_KEY: resendConfigSchema.shape.apiKey, RESEND_BASE_URL: optionalEnv.pipe(vendorBaseUrlSchema.optional()) })
	.transform((env) => ({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL }));

/** Where the API lives for this configuration. */
export function resendBaseUrl(config: ResendConfig): string {
	return config.baseUrl ?? 'https://api.resend.com';
}
