import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiConfigSchema } from '../../functions/config';
import { ApiError } from '../../functions/errors';
import { verifyTurnstile } from '../../functions/services/turnstile';

/** Cloudflare's siteverify as documented: JSON in, JSON out; tokens single use. */
function fakeSiteverify() {
	const spent = new Set<string>();
	const requests: unknown[] = [];
	const app = new Hono().post('/siteverify', async (c) => {
		const body = (await c.req.json()) as { secret: string; response: string; remoteip: string };
		requests.push(body);
		if (body.secret !== '1x0000000000000000000000000000000AA') return c.json({ success: false, 'error-codes': ['invalid-input-secret'] });
		if (body.response === 'slow') await new Promise((resolve) => setTimeout(resolve, 6000));
		if (spent.has(body.response)) return c.json({ success: false, 'error-codes': ['timeout-or-duplicate'] });
		spent.add(body.response);
		if (body.response === 'bad') return c.json({ success: false, 'error-codes': ['invalid-input-response'] });
		const action = body.response === 'other-action' ? 'login' : 'contact';
		return c.json({ success: true, challenge_ts: new Date().toISOString(), hostname: 'help.alderandpine.example', 'error-codes': [], action });
	});
	// Like a network call, the answer is abandoned when the caller's signal aborts.
	const fetchFn = (input: RequestInfo | URL, init?: RequestInit) =>
		new Promise<Response>((resolve, reject) => {
			init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
			void Promise.resolve(app.request(input instanceof Request ? input : String(input), init)).then(resolve, reject);
		});
	return { fetch: fetchFn as typeof fetch, requests };
}

const config = apiConfigSchema.parse({ TURNSTILE_SECRET: '1x0000000000000000000000000000000AA', TURNSTILE_VERIFY_URL: 'https://challenges.test/siteverify' });
const expected = { hostname: 'help.alderandpine.example', action: 'contact' };

async function code(promise: Promise<void>) {
	return promise.then(
		() => 'passed',
		(error: unknown) => (error instanceof ApiError ? error.code : 'other'),
	);
}

describe('Turnstile', () => {
	it('does nothing when the site has not enabled it', async () => {
		expect(await code(verifyTurnstile(apiConfigSchema.parse({}), undefined, '203.0.113.1', expected))).toBe('passed');
	});

	it('passes a good token once, sending the secret, the token and the client address', async () => {
		const siteverify = fakeSiteverify();
		expect(await code(verifyTurnstile(config, 'good', '203.0.113.1', expected, siteverify.fetch))).toBe('passed');
		expect(siteverify.requests[0]).toEqual({ secret: '1x0000000000000000000000000000000AA', response: 'good', remoteip: '203.0.113.1' });
		expect(await code(verifyTurnstile(config, 'good', '203.0.113.1', expected, siteverify.fetch))).toBe('turnstile_failed');
	});

	it('refuses a missing or bad token, a token for another action, and fails closed when siteverify is slow', async () => {
		const siteverify = fakeSiteverify();
		expect(await code(verifyTurnstile(config, undefined, '203.0.113.1', expected, siteverify.fetch))).toBe('turnstile_failed');
		expect(await code(verifyTurnstile(config, 'bad', '203.0.113.1', expected, siteverify.fetch))).toBe('turnstile_failed');
		expect(await code(verifyTurnstile(config, 'other-action', '203.0.113.1', expected, siteverify.fetch))).toBe('turnstile_failed');
		expect(await code(verifyTurnstile(config, 'slow', '203.0.113.1', expected, siteverify.fetch))).toBe('turnstile_failed');
	}, 10_000);
});
