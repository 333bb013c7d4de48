import { exports } from 'cloudflare:workers';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { answerQuestionOutputSchema, listCategoriesOutputSchema, mcpRefusedCode, searchArticlesOutputSchema } from '../../functions/contract/mcp';
import { freshIp, origin } from '../support/api-client';

const endpoint = new URL('/mcp', origin);
const refundArticle = `${origin}/en/returns-refunds/refund-timing`;

/** The built Worker as an MCP client's network: every request from `ip`, with `headers` added. */
function workerFetch(ip: string, headers: Record<string, string> = {}) {
	return (input: string | URL | Request, init?: RequestInit) => {
		const request = new Request(input, init);
		request.headers.set('CF-Connecting-IP', ip);
		for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
		return exports.default.fetch(request);
	};
}

/**
 * The official MCP client connected to /mcp: by default the 2025-era handshake (`initialize`) most assistants
 * speak today; `modern` pins the 2026-07-28 revision (no handshake, every request self-contained).
 */
async function connect({ modern = false, ip = freshIp() } = {}): Promise<Client> {
	const client = new Client({ name: 'test-agent', version: '1.0.0' }, modern ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
	await client.connect(new StreamableHTTPClientTransport(endpoint, { fetch: workerFetch(ip) }));
	return client;
}

/** The text of a tool result's first content block. */
const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => {
	const [first] = (result.content ?? []) as { type: string; text?: string }[];
	return first?.type === 'text' ? (first.text ?? '') : '';
};

/** Posts a raw body to /mcp, as a client that is not the SDK would. */
async function post(body: string, headers: Record<string, string> = {}, ip = freshIp()) {
	const response = await workerFetch(ip, headers)(endpoint, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
		body,
	});
	const text = await response.text();
	// A 2025-era answer may come as one server-sent event: its data line is the JSON-RPC message.
	const data = /^data: (.*)$/m.exec(text)?.[1] ?? text;
	let json: any;
	try {
		json = JSON.parse(data);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

const legacyHeaders = { 'MCP-Protocol-Version': '2025-11-25' };
const call = (id: number, name: string, args: unknown) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
/** What a stack trace or an internal error would show. */
const leak = /\bat \S+ \(|\.ts:\d+|node_modules|TypeError|ReferenceError|Cannot read/;

describe('the MCP endpoint, driven by the official MCP client', () => {
	it('shakes hands the 2025 way and lists its four tools, each taking a language among the site’s', async () => {
		const client = await connect();
		expect(client.getServerVersion()).toMatchObject({ name: 'help-center' });
		expect(client.getInstructions()).toContain('cannot see any order');
		const { tools } = await client.listTools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(['answer_question', 'get_article', 'list_categories', 'search_articles']);
		for (const tool of tools) {
			expect(tool.inputSchema.properties?.['locale'], tool.name).toMatchObject({ enum: ['en', 'fr'], default: 'en' });
			expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
		}
		await client.close();
	});

	it('finds the refund article for "refund", reads it as Markdown, and answers the question with a quoted passage and its source', async () => {
		const client = await connect();
		const search = await client.callTool({ name: 'search_articles', arguments: { query: 'refund', locale: 'en' } });
		expect(search.isError).toBeFalsy();
		const found = searchArticlesOutputSchema.parse(search.structuredContent);
		expect(JSON.parse(textOf(search))).toEqual(found);
		const refund = found.results.find((result) => result.url === refundArticle);
		expect(refund, JSON.stringify(found.results.map((result) => result.url))).toBeDefined();
		expect(refund).toMatchObject({ title: 'When will I get my refund?', markdownUrl: `${refundArticle}.md`, updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		expect(refund?.description).toContain('5 business days');
		expect(refund?.excerpt.length).toBeGreaterThan(20);
		expect(found.results.length).toBeLessThanOrEqual(5);
		expect(new Set(found.results.map((result) => result.url)).size).toBe(found.results.length);

		const article = await client.callTool({ name: 'get_article', arguments: { url: refund?.url } });
		expect(article.isError).toBeFalsy();
		const markdown = textOf(article);
		expect(markdown.split('\n')[0]).toBe('# When will I get my refund?');
		expect(markdown).toContain(refundArticle);
		// The same article by its Markdown address, its slug, or its category and slug.
		for (const args of [{ url: `${refundArticle}.md#faq` }, { url: '/en/returns-refunds/refund-timing' }, { slug: 'refund-timing' }, { slug: 'returns-refunds/refund-timing', locale: 'en' }]) {
			expect(textOf(await client.callTool({ name: 'get_article', arguments: args })), JSON.stringify(args)).toBe(markdown);
		}

		const answered = await client.callTool({ name: 'answer_question', arguments: { question: 'How long does a refund take?' } });
		const { answer } = answerQuestionOutputSchema.parse(answered.structuredContent);
		expect(answer.kind).toBe('answer');
		if (answer.kind !== 'answer') return;
		expect(answer.sources[0]?.url).toMatch(new RegExp(`^${refundArticle}#[\\w-]+$`));
		expect(answer.text.length).toBeGreaterThan(20);
		// Word for word from the article.
		expect(markdown.replace(/\*\*/g, '')).toContain(answer.text.split('\n')[0]?.replace(/^(- |\d+\. )/, '').slice(0, 40));
		expect(answer.contactUrl).toBe(`${origin}/en/contact`);
		await client.close();
	});

	it('works in French: "remboursement" finds the French refund article, and questions are answered from French articles', async () => {
		const client = await connect();
		const found = searchArticlesOutputSchema.parse((await client.callTool({ name: 'search_articles', arguments: { query: 'remboursement', locale: 'fr', limit: 3 } })).structuredContent);
		expect(found.locale).toBe('fr');
		expect(found.results.length).toBeGreaterThan(0);
		expect(found.results.length).toBeLessThanOrEqual(3);
		expect(found.results.map((result) => result.url)).toContain(`${origin}/fr/returns-refunds/delai-de-remboursement`);
		for (const result of found.results) expect(result.url).toMatch(new RegExp(`^${origin}/fr/`));

		const markdown = textOf(await client.callTool({ name: 'get_article', arguments: { slug: 'delai-de-remboursement', locale: 'fr' } }));
		expect(markdown).toMatch(/^# .*rembours/im);

		const { answer } = answerQuestionOutputSchema.parse((await client.callTool({ name: 'answer_question', arguments: { question: 'combien de temps pour être remboursé ?', locale: 'fr' } })).structuredContent);
		expect(answer.kind).toBe('answer');
		if (answer.kind === 'answer') expect(answer.sources[0]?.url).toMatch(new RegExp(`^${origin}/fr/`));
		await client.close();
	});

	it('sends questions about the shopper’s own order to the self-service page, says when nothing answers, and never shows order data', async () => {
		const client = await connect();
		const own = answerQuestionOutputSchema.parse((await client.callTool({ name: 'answer_question', arguments: { question: 'Where is my order #1004? I am sam.taylor@example.com' } })).structuredContent);
		expect(own.answer).toMatchObject({ kind: 'self-service', action: 'track', url: `${origin}/en/track` });
		const none = answerQuestionOutputSchema.parse((await client.callTool({ name: 'answer_question', arguments: { question: 'Do you accept bitcoin?' } })).structuredContent);
		expect(none.answer).toMatchObject({ kind: 'none', contactUrl: `${origin}/en/contact` });
		for (const query of ['1004', 'sam.taylor@example.com', 'order 1004 Sam Taylor']) {
			const text = textOf(await client.callTool({ name: 'search_articles', arguments: { query } }));
			expect(text).not.toMatch(/sam\.taylor|Taylor|in transit/i);
		}
		await client.close();
	});

	it('lists the categories with their descriptions and articles, in both languages', async () => {
		const client = await connect();
		const english = listCategoriesOutputSchema.parse((await client.callTool({ name: 'list_categories', arguments: {} })).structuredContent);
		expect(english.locale).toBe('en');
		const returns = english.categories.find((category) => category.id === 'returns-refunds');
		expect(returns).toMatchObject({ url: `${origin}/en/returns-refunds`, title: expect.any(String), description: expect.any(String) });
		expect(returns?.articles).toContainEqual({ title: 'When will I get my refund?', url: refundArticle });
		expect(returns?.articleCount).toBe(returns?.articles.length);
		const french = listCategoriesOutputSchema.parse((await client.callTool({ name: 'list_categories', arguments: { locale: 'fr', category: 'shipping' } })).structuredContent);
		expect(french.categories).toHaveLength(1);
		expect(french.categories[0]?.title).toBe('Expédition et livraison');
		for (const article of french.categories[0]?.articles ?? []) expect(article.url).toMatch(new RegExp(`^${origin}/fr/shipping/`));
		const unknown = await client.callTool({ name: 'list_categories', arguments: { category: 'bitcoin' } });
		expect(unknown.isError).toBe(true);
		expect(textOf(unknown)).toContain('returns-refunds');
		await client.close();
	});

	it('lists every article as a Markdown resource, one language per page, and reads them', async () => {
		// The first page, as a client that walks the pages itself sees it: the English articles.
		const first = await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'resources/list' }), legacyHeaders);
		const english = first.json.result as { resources: { uri: string; mimeType: string; title: string }[]; nextCursor?: string };
		expect(english.resources.length).toBeGreaterThanOrEqual(25);
		for (const resource of english.resources) {
			expect(resource.uri).toMatch(new RegExp(`^${origin}/en/[^/]+/[^/]+\\.md$`));
			expect(resource.mimeType).toBe('text/markdown');
		}
		expect(english.resources).toContainEqual(expect.objectContaining({ uri: `${refundArticle}.md`, title: 'When will I get my refund?' }));
		expect(english.nextCursor).toBeDefined();
		const client = await connect();
		const french = await client.listResources({ cursor: english.nextCursor });
		expect(french.resources.length).toBeGreaterThanOrEqual(25);
		for (const resource of french.resources) expect(resource.uri).toMatch(new RegExp(`^${origin}/fr/`));
		expect(french.nextCursor).toBeUndefined();
		// Without a cursor, the client walks every page: each article of each language once.
		const all = await client.listResources();
		expect(all.resources.map((resource) => resource.uri)).toEqual([...english.resources, ...french.resources].map((resource) => resource.uri));

		const read = await client.readResource({ uri: `${refundArticle}.md` });
		expect(read.contents[0]).toMatchObject({ uri: `${refundArticle}.md`, mimeType: 'text/markdown' });
		expect((read.contents[0] as { text: string }).text.split('\n')[0]).toBe('# When will I get my refund?');
		const { resourceTemplates } = await client.listResourceTemplates();
		expect(resourceTemplates[0]).toMatchObject({ uriTemplate: `${origin}/{locale}/{category}/{slug}.md`, mimeType: 'text/markdown' });
		await expect(client.readResource({ uri: `${origin}/en/returns-refunds/no-such-article.md` })).rejects.toMatchObject({ code: -32602 });
		await expect(client.listResources({ cursor: 'nonsense' })).rejects.toMatchObject({ code: -32602 });
		await client.close();
	});

	it('serves the 2026-07-28 revision too: no handshake, every request on its own', async () => {
		const client = await connect({ modern: true });
		const { tools } = await client.listTools();
		expect(tools).toHaveLength(4);
		const found = searchArticlesOutputSchema.parse((await client.callTool({ name: 'search_articles', arguments: { query: 'refund' } })).structuredContent);
		expect(found.results.map((result) => result.url)).toContain(refundArticle);
		expect((await client.listResources()).resources.length).toBeGreaterThanOrEqual(25);
		await client.close();
	});

	it('gives a tool error the agent can act on for arguments its schema refuses or an article it does not have', async () => {
		const client = await connect();
		const refusals: [string, Record<string, unknown>][] = [
			['search_articles', { query: 'refund', locale: 'de' }],
			['search_articles', { query: '' }],
			['search_articles', { query: 'x'.repeat(201) }],
			['search_articles', { query: 'refund', limit: 11 }],
			['search_articles', { query: 'refund\u202Eevil' }],
			['search_articles', { query: 'refund', extra: true }],
			['get_article', {}],
			['get_article', { url: refundArticle, slug: 'refund-timing' }],
			['answer_question', { question: 'x'.repeat(501) }],
		];
		for (const [name, args] of refusals) {
			const result = await client.callTool({ name, arguments: args });
			expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
			expect(textOf(result)).not.toMatch(leak);
		}
		for (const args of [{ url: 'https://example.com/en/returns-refunds/refund-timing' }, { url: '/en/returns-refunds' }, { slug: 'no-such-article' }, { url: '/en/returns-refunds/no-such-article' }]) {
			const result = await client.callTool({ name: 'get_article', arguments: args });
			expect(result.isError, JSON.stringify(args)).toBe(true);
			expect(textOf(result)).toMatch(/search_articles/);
		}
		await client.close();
	});
});

describe('the MCP endpoint, refusing what is not MCP', () => {
	it('answers malformed JSON-RPC with its JSON-RPC error and a 4xx, never a 5xx or a stack trace', async () => {
		const parse = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
		expect(parse.status).toBe(400);
		expect(parse.json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
		for (const body of [JSON.stringify({ jsonrpc: '2.0', id: 2 }), JSON.stringify({ id: 2, method: 'tools/list' }), '[]', '42', 'null']) {
			const invalid = await post(body);
			expect(invalid.status, body).toBe(400);
			expect(invalid.json?.error?.code, body).toBe(-32600);
		}
		for (const response of [parse]) expect(response.text).not.toMatch(leak);
	});

	it('answers an unknown tool, an unknown method and malformed tool parameters with JSON-RPC errors', async () => {
		const unknownTool = await post(call(3, 'delete_everything', {}), legacyHeaders);
		expect(unknownTool.status).toBeLessThan(500);
		expect(unknownTool.json).toMatchObject({ id: 3, error: { code: -32602 } });
		const unknownMethod = await post(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'orders/list' }), legacyHeaders);
		expect(unknownMethod.status).toBeLessThan(500);
		expect(unknownMethod.json).toMatchObject({ id: 4, error: { code: -32601 } });
		for (const params of [{ arguments: {} }, { name: 42 }, { name: 'search_articles', arguments: 'refund' }]) {
			const malformed = await post(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params }), legacyHeaders);
			expect(malformed.status, JSON.stringify(params)).toBeLessThan(500);
			expect(malformed.json, JSON.stringify(params)).toMatchObject({ id: 5, error: { code: -32602 } });
			expect(malformed.text).not.toMatch(leak);
		}
		// The same on the 2026-07-28 revision, whose errors carry their own HTTP status.
		const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
		const modern = { 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'tools/call' };
		const unknownModern = await post(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'delete_everything', arguments: {}, _meta: meta } }), { ...modern, 'Mcp-Name': 'delete_everything' });
		expect(unknownModern.status).toBeLessThan(500);
		expect(unknownModern.json).toMatchObject({ id: 6, error: { code: -32602 } });
		const mismatch = await post(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'search_articles', arguments: { query: 'refund' }, _meta: meta } }), { ...modern, 'Mcp-Name': 'get_article' });
		expect(mismatch.status).toBe(400);
		expect(mismatch.json).toMatchObject({ error: { code: -32020 } });
	});

	it('answers GET and DELETE with 405 (no stream, no session: the endpoint is stateless), other media types with 415', async () => {
		for (const method of ['GET', 'DELETE']) {
			const response = await workerFetch(freshIp())(endpoint, { method, headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': 'abc' } });
			expect(response.status, method).toBe(405);
			expect(response.headers.get('Allow')).toBe('POST');
			await response.body?.cancel();
		}
		const plain = await post(call(1, 'search_articles', { query: 'refund' }), { 'Content-Type': 'text/plain', ...legacyHeaders });
		expect(plain.status).toBe(415);
	});

	it('refuses bodies over 16 KiB, after reading them, and origins it does not know', async () => {
		const large = await post(call(1, 'search_articles', { query: 'x'.repeat(20_000) }), legacyHeaders);
		expect(large.status).toBe(413);
		expect(large.json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: mcpRefusedCode, data: { code: 'payload_too_large' } } });
		const foreign = await post(call(1, 'search_articles', { query: 'refund' }), { Origin: 'https://evil.example', ...legacyHeaders });
		expect(foreign.status).toBe(403);
		expect(foreign.json).toMatchObject({ error: { code: mcpRefusedCode, data: { code: 'origin_not_allowed' } } });
		const own = await post(call(1, 'search_articles', { query: 'refund' }), { Origin: origin, ...legacyHeaders });
		expect(own.status).toBe(200);
		expect(own.headers.get('Access-Control-Allow-Origin')).toBe(origin);
	});

	it('limits each client network to 120 messages in 10 minutes, then answers 429 with when to come back', async () => {
		const ip = freshIp();
		const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
		for (let count = 0; count < 120; count++) expect((await post(list, legacyHeaders, ip)).status).toBe(200);
		const limited = await post(list, legacyHeaders, ip);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
		expect(limited.json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: mcpRefusedCode, data: { code: 'rate_limited' } } });
		// The official client sees the refusal as an error, not as an answer.
		await expect(connect({ ip })).rejects.toThrow();
		// Another network is not affected.
		expect((await post(list, legacyHeaders)).status).toBe(200);
	});
});
