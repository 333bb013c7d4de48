import type { z } from 'zod';
import { ConnectorError, retryAfterSeconds, temporaryFailure } from '../errors';
import { type ConnectorDeps, parseJson, postJsonToVendor, resolveFetch, type VendorResponse } from '../http';
import { type ChatModelConfigInput, chatModelConfigSchema } from './config';
import { chatCompletionSchema, chatErrorSchema } from './payloads';

/** The answer we want back: a JSON Schema the endpoint holds the model to, and the zod schema we check it with. */
export interface StructuredOutput<T> {
	/** `a-z`, `A-Z`, `0-9`, `_` and `-`, at most 64 characters. */
	name: string;
	/** A JSON Schema within OpenAI's strict subset: every object closed (`additionalProperties: false`), every property required. */
	jsonSchema: Record<string, unknown>;
	parse: z.ZodType<T>;
}

/** One exchange: our instructions (system), the material and the question (user), the shape of the answer. */
export interface ChatCompletionRequest<T> {
	system: string;
	user: string;
	output: StructuredOutput<T>;
	/** The answer's length in tokens; 400 unless given. */
	maxTokens?: number;
}

/**
 * What a completion came to. A failure is a value, never thrown: the endpoint was unreachable, slow, refused us or
 * answered something other than the requested JSON. Its message names the endpoint's host, the HTTP status and
 * the vendor's error code, never the key, the prompt or the vendor's own error message.
 */
export type ChatCompletionResult<T> = { ok: true; value: T } | { ok: false; error: ConnectorError };

export interface ChatModel {
	complete<T>(request: ChatCompletionRequest<T>): Promise<ChatCompletionResult<T>>;
}

/** A long answer is a paragraph: 400 tokens hold the 120 words we allow, in French too, with the JSON around them. */
export const defaultMaxTokens = 400;

/** The body of `POST {baseUrl}/chat/completions`: deterministic, two messages, structured output in strict mode. */
export function chatCompletionBody(model: string, request: ChatCompletionRequest<unknown>) {
	return {
		model,
		messages: [
			{ role: 'system', content: request.system },
			{ role: 'user', content: request.user },
		],
		temperature: 0,
		max_tokens: request.maxTokens ?? defaultMaxTokens,
		response_format: {
			type: 'json_schema',
			json_schema: { name: request.output.name, strict: true, schema: request.output.jsonSchema },
		},
	};
}

/** Codes OpenAI answers with 429 that waiting will not cure. */
const quotaCodes = new Set(['insufficient_quota', 'billing_hard_limit_reached']);

function failure(vendor: string, response: VendorResponse): ConnectorError {
	const body = chatErrorSchema.safeParse(parseJson(response.text)).data?.error;
	const code = body?.code ?? body?.type ?? undefined;
	const what = `HTTP ${response.status}${code ? ` ${code}` : ''}`;
	if (response.status === 429 && !quotaCodes.has(code ?? '')) {
		return temporaryFailure({ vendor, detail: `rate limited (${what})`, retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')) ?? 1, status: 429 });
	}
	if (response.status >= 500) return temporaryFailure({ vendor, detail: what, status: response.status });
	return new ConnectorError(`${vendor} refused the request (${what})`, { vendor, kind: 'refused', status: response.status });
}

/** Some endpoints without strict structured output wrap the JSON in a Markdown code fence. */
function unfence(content: string): string {
	return /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?\s*```\s*$/i.exec(content)?.[1] ?? content;
}

/**
 * A client for any OpenAI-compatible chat completions endpoint (OpenAI, Cloudflare AI Gateway's `/compat`, Workers
 * AI's `/ai/v1`, …): one POST with a Bearer key and a deadline covering the whole exchange, the answer read with
 * zod. It never logs; the caller decides what a failure means (for answers: show the extract instead).
 */
export function createChatModel(configInput: ChatModelConfigInput, deps?: ConnectorDeps): ChatModel {
	const config = chatModelConfigSchema.parse(configInput);
	const fetchFn = resolveFetch(deps);
	const endpoint = `${config.baseUrl}/chat/completions`;
	/** How errors name the endpoint: its host, which carries no secret (account ids sit in the path). */
	const vendor = `Chat model at ${new URL(config.baseUrl).host}`;
	const headers = { Authorization: `Bearer ${config.apiKey}` };

	return {
		async complete<T>(request: ChatCompletionRequest<T>): Promise<ChatCompletionResult<T>> {
			let response: VendorResponse;
			try {
				response = await postJsonToVendor(vendor, fetchFn, endpoint, headers, chatCompletionBody(config.model, request), config.timeoutMs);
			} catch (error) {
				if (error instanceof ConnectorError) return { ok: false, error };
				// callVendor turns every failure into a ConnectorError; anything else is named, never echoed.
				return { ok: false, error: temporaryFailure({ vendor, detail: error instanceof Error ? error.name : 'unexpected failure' }) };
			}
			if (response.status < 200 || response.status > 299) return { ok: false, error: failure(vendor, response) };

			const completion = chatCompletionSchema.safeParse(parseJson(response.text));
			if (!completion.success) return { ok: false, error: temporaryFailure({ vendor, detail: 'unexpected completion', status: response.status }) };
			const choice = completion.data.choices[0]!;
			const refused = (detail: string) => ({ ok: false as const, error: new ConnectorError(`${vendor} declined: ${detail}`, { vendor, kind: 'refused', status: response.status }) });
			if (choice.message.refusal) return refused('the model refused');
			if (choice.finish_reason === 'length') return refused('the answer was cut at max_tokens');
			if (choice.finish_reason === 'content_filter') return refused('content filter');
			const content = choice.message.content;
			if (content === undefined || content === null) return refused('no content');

			const json = typeof content === 'string' ? parseJson(unfence(content)) : content;
			const value = request.output.parse.safeParse(json);
			if (!value.success) return { ok: false, error: temporaryFailure({ vendor, detail: 'the answer is not the requested JSON', status: response.status }) };
			return { ok: true, value: value.data };
		},
	};
}
