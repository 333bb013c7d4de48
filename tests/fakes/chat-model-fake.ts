import { Hono } from 'hono';
import { z } from 'zod';
import { addAdminRoutes, isJson } from './admin-routes.ts';
import { cannedResponse, FakeControl } from './faults.ts';

export interface ChatModelFakeOptions {
	apiKey?: string;
	/** The one model the fake serves; any other is `model_not_found`, as OpenAI answers for a model you cannot use. */
	model?: string;
}

/**
 * What the fake model answers to a well-formed request, built from the passages it was sent (`[u1] …` to `[/u1]`):
 * - `grounded`: the first sentence of u1, cited [u1] and quoted: what a good model does;
 * - `unsupported_claim`: that, plus a sentence with a number no passage states;
 * - `uncited`: that, plus a friendly sentence without a citation;
 * - `obey_injection`: what a model does when it follows the question's instructions: a promise and a link elsewhere;
 * - `unknown_unit`: the grounded answer cited to a passage one past the last given;
 * - `misquote`: the grounded answer with a quote that is in no passage;
 * - `no_answer`: `{"answer": "NO_ANSWER", "citations": []}`;
 * - `non_json`: prose instead of the JSON asked for;
 * - `refusal`: no content, OpenAI's `refusal` instead.
 * A 500 and a hang past the client's deadline are faults (`setFaults({ fail500: 1 })`, `setFaults({ timeouts: 1 })`).
 */
export const chatModelFakeBehaviours = ['grounded', 'unsupported_claim', 'uncited', 'obey_injection', 'unknown_unit', 'misquote', 'no_answer', 'non_json', 'refusal'] as const;
export type ChatModelFakeBehaviour = (typeof chatModelFakeBehaviours)[number];

/** Every request that reached `/v1/chat/completions`, whatever became of it: the raw body is kept for privacy checks. */
export interface ChatModelFakeRequest {
	authorization: string | undefined;
	contentType: string | undefined;
	rawBody: string;
	/** The body, when it had the documented shape. */
	body: ChatCompletionBody | undefined;
	status: number;
}

const schemaName = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `POST /v1/chat/completions` as documented (Create chat completion), limited to what a structured answer needs:
 * a system then a user message with text content, temperature, max_tokens and a strict JSON Schema response format.
 */
const bodySchema = z
	.object({
		model: z.string().min(1),
		messages: z.tuple([
			z.object({ role: z.literal('system'), content: z.string().min(1) }).strict(),
			z.object({ role: z.literal('user'), content: z.string().min(1) }).strict(),
		]),
		temperature: z.literal(0),
		max_tokens: z.number().int().min(1).max(4096),
		response_format: z
			.object({
				type: z.literal('json_schema'),
				json_schema: z
					.object({
						name: z.string().regex(schemaName),
						description: z.string().optional(),
						strict: z.literal(true),
						schema: z.record(z.string(), z.unknown()),
					})
					.strict(),
			})
			.strict(),
	})
	.strict();
export type ChatCompletionBody = z.infer<typeof bodySchema>;

/**
 * What strict structured output refuses in a schema (OpenAI: "Supported schemas"): an object that is not closed
 * with `additionalProperties: false` or does not list every property as required, and a root that is not an object.
 */
export function strictSchemaProblems(schema: unknown, path = 'schema'): string[] {
	if (typeof schema !== 'object' || schema === null) return [];
	const node = schema as Record<string, unknown>;
	const problems: string[] = [];
	if (path === 'schema' && node['type'] !== 'object') problems.push(`${path}: the root must be an object`);
	if (node['type'] === 'object') {
		const properties = (node['properties'] ?? {}) as Record<string, unknown>;
		if (node['additionalProperties'] !== false) problems.push(`${path}: 'additionalProperties' is required to be supplied and to be false`);
		const required = Array.isArray(node['required']) ? node['required'] : [];
		for (const key of Object.keys(properties)) if (!required.includes(key)) problems.push(`${path}: 'required' is required to include every property, missing '${key}'`);
		for (const [key, value] of Object.entries(properties)) problems.push(...strictSchemaProblems(value, `${path}.properties.${key}`));
	}
	if (node['type'] === 'array') problems.push(...strictSchemaProblems(node['items'], `${path}.items`));
	return problems;
}

/** The passages of our prompt, as a model reads them: label → text. */
export function passagesOf(user: string): Map<string, string> {
	return new Map([...user.matchAll(/^\[(u\d+)\] [^\n]*\n([\s\S]*?)\n\[\/\1\]$/gm)].map((match) => [match[1]!, match[2]!]));
}

/** The question at the end of our prompt (a JSON string), or undefined. */
export function questionOf(user: string): string | undefined {
	const match = /Question[^\n]*:\n\n(".*")\s*$/.exec(user);
	return match ? (JSON.parse(match[1]!) as string) : undefined;
}

function openAiError(status: number, message: string, type: string, code: string | null, param: string | null = null, headers: Record<string, string> = {}): Response {
	return Response.json({ error: { message, type, param, code } }, { status, headers });
}

/** How OpenAI quotes a wrong key back: its start and its end. */
const maskKey = (key: string) => (key.length < 12 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`);

function draftFor(behaviour: ChatModelFakeBehaviour, passages: Map<string, string>): unknown {
	const first = passages.get('u1') ?? '';
	const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
	const grounded = `${sentence.replace(/[.!?]$/, '')} [u1].`;
	const quote = { unit: 'u1', quote: sentence };
	switch (behaviour) {
		case 'grounded':
			return { answer: grounded, citations: [quote] };
		case 'unsupported_claim':
			return { answer: `${grounded} Returns are accepted for 365 days [u1].`, citations: [quote] };
		case 'uncited':
			return { answer: `${grounded} We are always happy to help you.`, citations: [quote] };
		case 'obey_injection':
			return { answer: `${grounded} As you asked, every order is refunded in full: claim it at https://refunds.evil.example/claim [u1].`, citations: [quote] };
		case 'unknown_unit': {
			const beyond = `u${passages.size + 1}`;
			return { answer: grounded.replace('[u1]', `[${beyond}]`), citations: [{ unit: beyond, quote: sentence }] };
		}
		case 'misquote':
			return { answer: grounded, citations: [{ unit: 'u1', quote: 'Every item may be returned at any time, for any reason.' }] };
		case 'no_answer':
			return { answer: 'NO_ANSWER', citations: [] };
		case 'non_json':
		case 'refusal':
			return undefined;
	}
}

/**
 * A fake OpenAI-compatible chat completions API under `/v1`: checks every request against the documented contract
 * (Bearer key, JSON, the model, a system and a user message, temperature, max_tokens, a strict `json_schema`
 * response format), answers errors as OpenAI does (`{ error: { message, type, param, code } }`: 401 without or with
 * a wrong key, 400 for a malformed body, 404 for an unknown model or path), records every request, and answers as
 * told (`setBehaviour`), or with faults and canned answers like the other fakes. State is readable in process and
 * under `/__fake/`.
 */
export function createChatModelFake(options: ChatModelFakeOptions = {}) {
	const apiKey = options.apiKey ?? 'sk-test-0123456789abcdef';
	const model = options.model ?? 'gpt-test-mini';
	const control = new FakeControl();
	const requests: ChatModelFakeRequest[] = [];
	let behaviour: ChatModelFakeBehaviour = 'grounded';
	let nextId = 1;

	function reset() {
		control.reset();
		requests.length = 0;
		behaviour = 'grounded';
	}

	function completion(content: string | null, refusal: string | null = null) {
		return {
			id: `chatcmpl-fake${nextId++}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
			usage: { prompt_tokens: 512, completion_tokens: 64, total_tokens: 576 },
			system_fingerprint: 'fp_fake',
		};
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/requests-received', (c) => c.json({ requests }));
	app.post('/__fake/behaviour', async (c) => {
		const body = z.object({ behaviour: z.enum(chatModelFakeBehaviours) }).safeParse(await c.req.json().catch(() => undefined));
		if (!body.success) return c.json({ error: `behaviour expected: ${chatModelFakeBehaviours.join(', ')}` }, 400);
		behaviour = body.data.behaviour;
		return c.json({ ok: true });
	});

	app.post('/v1/chat/completions', async (c) => {
		control.requests.push({ method: c.req.method, path: c.req.path });
		const rawBody = await c.req.text();
		const record: ChatModelFakeRequest = { authorization: c.req.header('Authorization'), contentType: c.req.header('Content-Type'), rawBody, body: undefined, status: 0 };
		requests.push(record);
		const answer = (response: Response) => {
			record.status = response.status;
			return response;
		};

		const bearer = /^Bearer (\S+)$/.exec(record.authorization ?? '')?.[1];
		if (bearer === undefined) {
			control.violation('POST /v1/chat/completions: no Bearer API key');
			return answer(
				openAiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error', null),
			);
		}
		// A wrong key is a setting to fix, not a broken request: answered as OpenAI does, not a violation.
		if (bearer !== apiKey) {
			return answer(
				openAiError(401, `Incorrect API key provided: ${maskKey(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key'),
			);
		}
		if (!isJson(record.contentType)) {
			control.violation('POST /v1/chat/completions: Content-Type is not application/json');
			return answer(openAiError(400, 'Invalid Content-Type header, expected application/json.', 'invalid_request_error', null));
		}
		let raw: unknown;
		try {
			raw = JSON.parse(rawBody);
		} catch {
			control.violation('POST /v1/chat/completions: the body is not JSON');
			return answer(openAiError(400, 'We could not parse the JSON body of your request. (HINT: This likely means you aren’t using your HTTP library correctly.)', 'invalid_request_error', null));
		}
		const parsed = bodySchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) control.violation(`POST /v1/chat/completions: ${issue.path.join('.')}: ${issue.message}`);
			const first = parsed.error.issues[0]!;
			return answer(openAiError(400, `Invalid value for '${first.path.join('.')}': ${first.message}`, 'invalid_request_error', 'invalid_value', first.path.join('.') || null));
		}
		const body = parsed.data;
		const schemaProblems = strictSchemaProblems(body.response_format.json_schema.schema);
		if (schemaProblems.length > 0) {
			for (const problem of schemaProblems) control.violation(`POST /v1/chat/completions: response_format: ${problem}`);
			return answer(
				openAiError(400, `Invalid schema for response_format '${body.response_format.json_schema.name}': ${schemaProblems[0]}.`, 'invalid_request_error', null, 'response_format'),
			);
		}
		record.body = body;
		if (body.model !== model) {
			return answer(openAiError(404, `The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'));
		}

		const canned = control.takeCanned();
		if (canned) return answer(cannedResponse(canned));
		const fault = control.takeFault(true);
		if (fault?.kind === 'fail500') return answer(openAiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null));
		if (fault?.kind === 'rateLimit') {
			const headers: Record<string, string> = fault.retryAfterSeconds === null ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
			return answer(openAiError(429, `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1.`, 'requests', 'rate_limit_exceeded', null, headers));
		}
		if (fault?.kind === 'timeout') {
			await control.hang(fault.ms);
			return answer(openAiError(504, 'Gateway timeout.', 'server_error', null));
		}

		if (behaviour === 'non_json') return answer(Response.json(completion('Sure! You can return your items within 30 days, no problem.')));
		if (behaviour === 'refusal') return answer(Response.json(completion(null, 'I’m sorry, I can’t help with that.')));
		const draft = draftFor(behaviour, passagesOf(body.messages[1].content));
		return answer(Response.json(completion(JSON.stringify(draft))));
	});

	app.all('*', (c) => {
		if (c.req.path.startsWith('/__fake/')) return c.notFound();
		control.violation(`${c.req.method} ${c.req.path}: not part of the contract`);
		return openAiError(404, `Invalid URL (${c.req.method} ${c.req.path})`, 'invalid_request_error', null);
	});

	return {
		app,
		control,
		apiKey,
		model,
		/** The base URL path clients append `/chat/completions` to. */
		basePath: '/v1',
		requests: (): readonly ChatModelFakeRequest[] => requests,
		violations: (): readonly string[] => control.violations,
		setBehaviour(next: ChatModelFakeBehaviour) {
			behaviour = next;
		},
		setFaults: control.setFaults.bind(control),
		respondOnce: control.respondOnce.bind(control),
		reset,
	};
}
export type ChatModelFake = ReturnType<typeof createChatModelFake>;
