import { z } from 'zod';

/**
 * A chat completion (`POST /chat/completions`), as far as we read it: the first choice's message and why it ended.
 * `content` is a string everywhere we know of; an object is taken as already-parsed JSON, since some
 * OpenAI-compatible endpoints hand structured output back that way. `refusal` is OpenAI's structured-output refusal.
 */
export const chatCompletionSchema = z.object({
	choices: z
		.array(
			z.object({
				message: z.object({
					content: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
					refusal: z.string().nullish(),
				}),
				finish_reason: z.string().nullish(),
			}),
		)
		.min(1),
});

const errorCode = z
	.string()
	.regex(/^[A-Za-z0-9_.-]{1,64}$/)
	.nullish()
	.catch(undefined);

/**
 * OpenAI's error body, `{ "error": { "message", "type", "param", "code" } }`. Only `code` and `type` are ever read:
 * the message can quote part of the key we sent ("Incorrect API key provided: sk-ab***yz").
 */
export const chatErrorSchema = z.object({ error: z.object({ code: errorCode, type: errorCode }) });
