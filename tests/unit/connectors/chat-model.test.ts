import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, readConfig } from '../../../functions/config';
import { type ChatCompletionResult, type ChatModelConfigInput, chatModelEnvSchema, createChatModel } from '../../../functions/connectors/chat-model';
import { createAnswerModel } from '../../../functions/connectors/create-connectors';
import { ConnectorError } from '../../../functions/connectors/errors';
import { createChatModelFake } from '../../fakes/chat-model-fake';
import { type RunningFake, serveFake } from '../../fakes/serve';

const fake = createChatModelFake();
let server: RunningFake;
const timeoutMs = 600;

function client(overrides: Partial<ChatModelConfigInput> = {}) {
	return createChatModel({ baseUrl: `${server.url}${fake.basePath}`, model: fake.model, apiKey: fake.apiKey, timeoutMs, ...overrides });
}

const output = {
	name: 'help_center_answer',
	jsonSchema: {
		type: 'object',
		properties: { answer: { type: 'string' }, citations: { type: 'array', items: { type: 'object', properties: { unit: { type: 'string' }, quote: { type: 'string' } }, required: ['unit', 'quote'], additionalProperties: false } } },
		required: ['answer', 'citations'],
		additionalProperties: false,
	},
	parse: z.object({ answer: z.string(), citations: z.array(z.object({ unit: z.string(), quote: z.string() })) }),
};
const user = 'Passages:\n\n[u1] Returns › How to return\nYou can return any unworn item within 30 days of delivery.\n[/u1]\n\nQuestion (a JSON string, untrusted):\n\n"how long to return?"';
const request = { system: 'Answer from the passages only.', user, output };

/** The ConnectorError of a failed completion; fails the test on a success. */
function failureOf(result: ChatCompletionResult<unknown>): ConnectorError {
	if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
	expect(result.error).toBeInstanceOf(ConnectorError);
	return result.error;
}

beforeAll(async () => {
	server = await serveFake(fake);
});
afterAll(() => server.stop());
beforeEach(() => fake.reset());

describe('chat model client', () => {
	afterEach(() => expect(fake.violations()).toEqual([]));

	it('posts the documented request and reads the JSON the model wrote', async () => {
		const result = await client().complete(request);
		expect(result).toEqual({
			ok: true,
			value: { answer: 'You can return any unworn item within 30 days of delivery [u1].', citations: [{ unit: 'u1', quote: 'You can return any unworn item within 30 days of delivery.' }] },
		});
		const [received] = fake.requests();
		expect(fake.control.requests).toEqual([{ method: 'POST', path: '/v1/chat/completions' }]);
		expect(received!.authorization).toBe(`Bearer ${fake.apiKey}`);
		expect(received!.contentType).toBe('application/json');
		expect(received!.body).toEqual({
			model: fake.model,
			messages: [
				{ role: 'system', content: 'Answer from the passages only.' },
				{ role: 'user', content: user },
			],
			temperature: 0,
			max_tokens: 400,
			response_format: { type: 'json_schema', json_schema: { name: 'help_center_answer', strict: true, schema: output.jsonSchema } },
		});
	});

	it('takes a base URL with a trailing slash, and max_tokens from the request', async () => {
		expect((await client({ baseUrl: `${server.url}/v1/` }).complete({ ...request, maxTokens: 250 })).ok).toBe(true);
		expect(fake.requests()[0]!.body!.max_tokens).toBe(250);
	});

	it('reports a wrong key as a refusal that never repeats the key, not even the part OpenAI quotes back', async () => {
		const wrongKey = 'sk-wrong-key-9876543210';
		const error = failureOf(await client({ apiKey: wrongKey }).complete(request));
		expect(fake.requests()[0]!.rawBody).not.toBe('');
		expect(error).toMatchObject({ kind: 'refused', retryable: false, status: 401 });
		expect(error.message).toBe(`Chat model at 127.0.0.1:${new URL(server.url).port} refused the request (HTTP 401 invalid_api_key)`);
		expect(error.message).not.toMatch(/sk-|3210|\*\*\*/);
	});

	it('reports an unknown model and a refused schema as refusals with their codes', async () => {
		expect(failureOf(await client({ model: 'gpt-nonexistent' }).complete(request)).message).toContain('(HTTP 404 model_not_found)');
		const open = { ...output, jsonSchema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] } };
		const error = failureOf(await client().complete({ ...request, output: open }));
		expect(error).toMatchObject({ kind: 'refused', status: 400 });
		expect(error.message).toContain('(HTTP 400 invalid_request_error)');
		expect(fake.violations()).toEqual(["POST /v1/chat/completions: response_format: schema: 'additionalProperties' is required to be supplied and to be false"]);
		fake.control.violations.length = 0;
	});

	it('treats 5xx, 429 and a timeout as retryable, naming the deadline', async () => {
		fake.setFaults({ fail500: 1 });
		expect(failureOf(await client().complete(request))).toMatchObject({ kind: 'unavailable', retryable: true, status: 500 });
		fake.setFaults({ rateLimit: 1, retryAfterSeconds: 7 });
		expect(failureOf(await client().complete(request))).toMatchObject({ retryable: true, status: 429, retryAfterSeconds: 7 });
		fake.setFaults({ timeouts: 1, timeoutMs: 5_000 });
		const started = Date.now();
		const timedOut = failureOf(await client().complete(request));
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(timedOut).toMatchObject({ retryable: true });
		expect(timedOut.message).toContain(`no answer within ${timeoutMs} ms`);
	});

	it('treats a quota 429 as a refusal: waiting will not cure it', async () => {
		fake.respondOnce({ status: 429, body: { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } });
		expect(failureOf(await client().complete(request))).toMatchObject({ kind: 'refused', status: 429 });
	});

	it('fails on content that is not the requested JSON, a refusal, a cut answer or a body that is not a completion', async () => {
		fake.setBehaviour('non_json');
		expect(failureOf(await client().complete(request)).message).toContain('the answer is not the requested JSON');
		fake.setBehaviour('refusal');
		expect(failureOf(await client().complete(request)).message).toContain('the model refused');
		const cut = { choices: [{ index: 0, message: { role: 'assistant', content: '{"answer": "You can ret' }, finish_reason: 'length' }] };
		fake.respondOnce({ status: 200, body: cut });
		expect(failureOf(await client().complete(request)).message).toContain('cut at max_tokens');
		fake.respondOnce({ status: 200, body: '<html>Bad gateway</html>' });
		expect(failureOf(await client().complete(request)).message).toContain('unexpected completion');
		fake.respondOnce({ status: 200, body: { choices: [] } });
		expect(failureOf(await client().complete(request)).message).toContain('unexpected completion');
	});

	it('reads JSON wrapped in a code fence, or handed back as an object, as some compatible endpoints do', async () => {
		const value = { answer: 'NO_ANSWER', citations: [] };
		fake.respondOnce({ status: 200, body: { choices: [{ message: { role: 'assistant', content: `\`\`\`json\n${JSON.stringify(value)}\n\`\`\`` }, finish_reason: 'stop' }] } });
		expect(await client().complete(request)).toEqual({ ok: true, value });
		fake.respondOnce({ status: 200, body: { choices: [{ message: { role: 'assistant', content: value }, finish_reason: 'stop' }] } });
		expect(await client().complete(request)).toEqual({ ok: true, value });
	});

	it('fails on a network error without throwing', async () => {
		const down = createChatModel({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'k', timeoutMs });
		expect(failureOf(await down.complete(request))).toMatchObject({ retryable: true });
	});
});

describe('chat model settings', () => {
	const all = { ANSWER_MODEL_URL: 'https://gateway.ai.cloudflare.com/v1/acc/gw/compat/', ANSWER_MODEL: 'openai/gpt-4.1-mini', ANSWER_MODEL_KEY: 'cf-token-123' };

	it('reads the three settings, or nothing when none is set', () => {
		expect(chatModelEnvSchema.parse(all)).toEqual({ baseUrl: 'https://gateway.ai.cloudflare.com/v1/acc/gw/compat', model: 'openai/gpt-4.1-mini', apiKey: 'cf-token-123' });
		expect(chatModelEnvSchema.parse({})).toBeUndefined();
		expect(chatModelEnvSchema.parse({ ANSWER_MODEL_URL: '', ANSWER_MODEL: ' ', ANSWER_MODEL_KEY: '' })).toBeUndefined();
	});

	it('refuses some settings without the others, plain HTTP, a query string and a key with spaces, naming the setting', () => {
		const names = (env: Record<string, string>) => chatModelEnvSchema.safeParse(env).error?.issues.map((issue) => issue.path.join('.'));
		expect(names({ ANSWER_MODEL_URL: all.ANSWER_MODEL_URL })).toEqual(['ANSWER_MODEL', 'ANSWER_MODEL_KEY']);
		expect(names({ ...all, ANSWER_MODEL_URL: 'http://api.openai.com/v1' })).toEqual(['ANSWER_MODEL_URL']);
		expect(names({ ...all, ANSWER_MODEL_URL: 'https://example.openai.azure.com/openai/v1?api-version=preview' })).toEqual(['ANSWER_MODEL_URL']);
		expect(names({ ...all, ANSWER_MODEL_KEY: 'Bearer abc' })).toEqual(['ANSWER_MODEL_KEY']);
	});

	it('builds the answer model only when configured, and names what is missing without any value', async () => {
		expect(createAnswerModel({}, readConfig({}))).toBeUndefined();
		const env = { ANSWER_MODEL_URL: `${server.url}/v1`, ANSWER_MODEL: fake.model, ANSWER_MODEL_KEY: fake.apiKey };
		const model = createAnswerModel(env, readConfig(env));
		expect(await model!.complete(request)).toMatchObject({ ok: true });

		const partial = { ANSWER_MODEL_URL: 'https://api.openai.com/v1', ANSWER_MODEL_KEY: 'sk-secret-value' };
		expect(() => createAnswerModel(partial, readConfig(partial))).toThrow(new ConfigError('Invalid settings: the answer model needs valid ANSWER_MODEL'));
	});
});
