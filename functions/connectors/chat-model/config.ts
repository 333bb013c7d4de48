import { z } from 'zod';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';

/**
 * The base URL of an OpenAI-compatible API, to which `/chat/completions` is appended: `https://api.openai.com/v1`,
 * `https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/compat`,
 * `https://api.cloudflare.com/client/v4/accounts/{account}/ai/v1`, or a local fake server. No query or fragment,
 * which the path would land after.
 */
export const chatModelBaseUrlSchema = vendorBaseUrlSchema.refine((url) => !/[?#]/.test(url), 'must not have a query or a fragment');

/** A model name as the endpoint spells it (`gpt-4.1-mini`, `@cf/meta/llama-3.3-70b-instruct-fp8-fast`, `openai/gpt-4.1-mini`). */
export const chatModelNameSchema = z
	.string()
	.trim()
	.regex(/^[\x21-\x7E]{1,200}$/, 'printable characters without spaces');

/** A bearer token; it travels in a header, so no spaces or control characters. */
export const chatModelKeySchema = z.string().regex(/^[\x21-\x7E]{1,1024}$/, 'printable characters without spaces');

export const chatModelConfigSchema = z.object({
	baseUrl: chatModelBaseUrlSchema,
	model: chatModelNameSchema,
	apiKey: chatModelKeySchema,
	timeoutMs: timeoutMsSchema,
});
export type ChatModelConfigInput = z.input<typeof chatModelConfigSchema>;
export type ChatModelConfig = z.output<typeof chatModelConfigSchema>;

const settingNames = ['ANSWER_MODEL_URL', 'ANSWER_MODEL', 'ANSWER_MODEL_KEY'] as const;

/**
 * Reads the answer model's settings from Worker variables and secrets: `ANSWER_MODEL_URL` (the base URL),
 * `ANSWER_MODEL` (the model name) and the secret `ANSWER_MODEL_KEY`. All three unset (or empty) means the
 * generative layer is off: the output is undefined. Some set and others not is a mistake, reported under the
 * missing names. The timeout is added by the caller.
 */
export const chatModelEnvSchema = z
	.object({
		ANSWER_MODEL_URL: optionalEnv.pipe(chatModelBaseUrlSchema.optional()),
		ANSWER_MODEL: optionalEnv.pipe(chatModelNameSchema.optional()),
		ANSWER_MODEL_KEY: optionalEnv.pipe(chatModelKeySchema.optional()),
	})
	.superRefine((env, context) => {
		const missing = settingNames.filter((name) => env[name] === undefined);
		if (missing.length === 0 || missing.length === settingNames.length) return;
		for (const name of missing) context.addIssue({ code: 'custom', path: [name], message: `needed with ${settingNames.filter((other) => !missing.includes(other)).join(', ')}` });
	})
	.transform((env): Omit<ChatModelConfigInput, 'timeoutMs'> | undefined =>
		env.ANSWER_MODEL_URL !== undefined && env.ANSWER_MODEL !== undefined && env.ANSWER_MODEL_KEY !== undefined
			? { baseUrl: env.ANSWER_MODEL_URL, model: env.ANSWER_MODEL, apiKey: env.ANSWER_MODEL_KEY }
			: undefined,
	);
