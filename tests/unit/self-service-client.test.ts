import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postJson, retryAfterSeconds } from '../../src/components/self-service/client/api';
import { SubmissionKey } from '../../src/components/self-service/client/submission-key';
import { turnstileToken } from '../../src/components/self-service/client/turnstile';

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('SubmissionKey', () => {
	it('keeps one Idempotency-Key while the same content is retried, and makes a new one for new content', () => {
		const key = new SubmissionKey();
		const first = key.for({ subject: 'Refund', message: 'Hello' });
		expect(first).toMatch(/^[A-Za-z0-9_.:-]{8,255}$/);
		expect(key.for({ subject: 'Refund', message: 'Hello' })).toBe(first);
		const changed = key.for({ subject: 'Refund', message: 'Hello again' });
		expect(changed).not.toBe(first);
		key.done();
		expect(key.for({ subject: 'Refund', message: 'Hello again' })).not.toBe(changed);
	});
});

describe('postJson', () => {
	const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
		vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })));

	it('sends JSON with the token and Idempotency-Key headers and returns the answer', async () => {
		answer(202, { reference: 'HC-1' });
		const result = await postJson('/api/tickets', { name: 'A' }, { token: 'abc', idempotencyKey: 'key-12345' });
		expect(result).toEqual({ ok: true, status: 202, data: { reference: 'HC-1' } });
		const [path, init] = vi.mocked(fetch).mock.calls[0] ?? [];
		expect(path).toBe('/api/tickets');
		expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: 'Bearer abc', 'Idempotency-Key': 'key-12345' });
		expect(init?.body).toBe('{"name":"A"}');
	});

	it('tells a rate limit apart, with how long to wait from Retry-After', async () => {
		answer(429, { error: { code: 'rate_limited', message: 'Too many attempts.' } }, { 'Retry-After': '120' });
		expect(await postJson('/api/orders/lookup', {})).toEqual({ ok: false, failure: { kind: 'rate_limited', retryAfterSeconds: 120 } });
	});

	it('keeps the stable error code of other errors, and calls a failed fetch a network error', async () => {
		answer(404, { error: { code: 'order_not_found', message: 'No order.' } });
		expect(await postJson('/api/orders/lookup', {})).toMatchObject({ ok: false, failure: { kind: 'error', status: 404, error: { code: 'order_not_found' } } });
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		expect(await postJson('/api/orders/lookup', {})).toEqual({ ok: false, failure: { kind: 'network' } });
	});

	it('reads Retry-After as seconds or as a date', () => {
		expect(retryAfterSeconds('30')).toBe(30);
		expect(retryAfterSeconds(new Date(Date.UTC(2030, 0, 1, 0, 2)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(120);
		expect(retryAfterSeconds(null)).toBe(60);
	});
});

describe('turnstileToken', () => {
	const form = (inner: string) => parseHTML(`<form>${inner}</form>`).document.querySelector('form') as unknown as HTMLFormElement;

	it('needs no token when the site has no Turnstile widget', () => {
		expect(turnstileToken(form('<input name="email">'))).toEqual({ required: false, token: undefined });
	});

	it('needs one when the widget is there, and reads it once the check passed', () => {
		expect(turnstileToken(form('<div class="cf-turnstile"></div>'))).toEqual({ required: true, token: undefined });
		const solved = form('<div class="cf-turnstile"><input type="hidden" name="cf-turnstile-response" value="token-1"></div>');
		expect(turnstileToken(solved)).toEqual({ required: true, token: 'token-1' });
	});
});
