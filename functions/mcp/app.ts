import { createMcpHandler } from '@modelcontextprotocol/server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { site } from '../../src/config/site';
import { ConfigError, readConfig, type ApiConfig } from '../config';
import { mcpRefusedCode } from '../contract/mcp';
import { ApiError } from '../errors';
import { readBody } from '../middleware/read-body';
import { enforceRateLimits } from '../services/rate-limit';
import { mcpLimits } from '../services/rate-limit-rules';
import { createMcpServer } from './server';

/** Largest request the endpoint reads: a tool call with its longest question is under 2 KiB. */
export const maxMcpBodyBytes = 16 * 1024;

interface McpEnv {
	Bindings: Env;
	Variables: { config: ApiConfig };
}

const siteOrigin = new URL(site.siteUrl).origin;

/** Origins whose pages may call the endpoint from a browser: the help center itself, this host, and ALLOWED_ORIGINS. */
function allowedOrigins(c: Context<McpEnv>): string[] {
	const extra = c.var.config.ALLOWED_ORIGINS.split(',').map((entry) => entry.trim()).filter(Boolean);
	return [siteOrigin, new URL(c.req.url).origin, ...extra];
}

/** A JSON-RPC error without an id, the shape the MCP transport gives refusals made before a message is read. */
const jsonRpcError = (code: number, message: string, data?: Record<string, unknown>) => ({ jsonrpc: '2.0' as const, id: null, error: { code, message, ...(data ? { data } : {}) } });

/**
 * The MCP endpoint, mounted at `/mcp` by the Worker: Streamable HTTP, stateless, over the help center's public
 * content only (src/worker/app.ts). The SDK (`@modelcontextprotocol/server`) answers both the 2026-07-28 revision
 * (one self-contained POST per request) and 2025-era clients (an `initialize` handshake, served statelessly): GET
 * and DELETE get 405, malformed JSON-RPC its JSON-RPC error with a 4xx. Before it, as on `/api`: the body is read
 * whole (16 KiB at most), browsers' origins are checked, and every POST counts against the client network's limit.
 */
export const mcp = new Hono<McpEnv>().basePath('/mcp');

mcp.use(async (c, next) => {
	await next();
	c.header('Cache-Control', 'no-store');
});
// Before anything that can refuse the request: see readBody.
mcp.use(readBody(maxMcpBodyBytes));
mcp.use(async (c, next) => {
	c.set('config', readConfig(c.env));
	await next();
});
mcp.use(
	cors({
		origin: (origin, c) => (allowedOrigins(c as Context<McpEnv>).includes(origin) ? origin : null),
		allowMethods: ['POST'],
		allowHeaders: ['Content-Type', 'Accept', 'MCP-Protocol-Version', 'Mcp-Method', 'Mcp-Name', 'Mcp-Session-Id', 'Last-Event-ID'],
		maxAge: 600,
	}),
);
mcp.use(async (c, next) => {
	// The transport's rule against DNS rebinding: an Origin we do not know is refused with 403. Agents that are not
	// browsers send none.
	const origin = c.req.header('Origin');
	if (origin && !allowedOrigins(c).includes(origin)) throw new ApiError(403, 'origin_not_allowed', 'This site may not call the help center’s MCP endpoint.');
	if (c.req.method === 'POST') await enforceRateLimits(c.env.DB, mcpLimits(c.req.header('CF-Connecting-IP') ?? 'local'), c.var.config.RATE_LIMIT_SCALE);
	await next();
});

mcp.all('/', (c) => {
	const deps = { assets: c.env.ASSETS, db: c.env.DB, requestOrigin: new URL(c.req.url).origin, waitUntil: (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise) };
	// A handler per request, so its server holds this request's bindings and nothing else.
	const handler = createMcpHandler(() => createMcpServer(deps), {
		legacy: 'stateless',
		maxRequestBodySize: maxMcpBodyBytes,
	});
	return handler.fetch(c.req.raw);
});

mcp.onError((error, c) => {
	if (error instanceof ApiError) {
		for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
		return c.json(jsonRpcError(mcpRefusedCode, error.message, { code: error.code, ...error.extra.details }), error.status);
	}
	// The kind of failure only: messages of runtime errors can carry request data (a ConfigError's names a setting).
	console.error(`mcp error: ${error instanceof ConfigError ? error.message : error.name}`);
	return c.json(jsonRpcError(-32603, 'Something went wrong on our side. Please try again.'), 500);
});
