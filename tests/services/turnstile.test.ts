import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config';
import { verifyTurnstile } from '../../functions/services/turnstile';
import { thrown } from './support';

const config = readConfig({ TURNSTILE_SECRET: 'turnstile-secret' });
const expected = { hostname: 'help.alderandpine.example', action: 'lookup' };

/** Cloudflare's siteverify endpoint, answering `answer` (or failing) and keeping what it was sent. */
function siteverify(answer: unknown | Error) {
	const requests: { url: string; body: unknown }[] = [];
	const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
		requests.push({ url: String(input), body: JSON.parse(String(init?.body)) });
		if (answer instanceof Error) throw answer;
		return Response.json(answer);
	};
	return Object.assign(fetchFn as typeof fetch, { requests });
}

const refused = { status: 403, code: 'turnstile_failed' };

describe('verifyTurnstile', () => {
	it('does nothing while the site has no Turnstile secret', async () => {
		const verify = siteverify({ success: false });
		await expect(verifyTurnstile(readConfig({}), undefined, '203.0.113.9', expected, verify)).resolves.toBeUndefined();
		expect(verify.requests).toEqual([]);
	});

	it('passes a token Cloudflare vouches for, sending the secret, the token and the client’s address', async () => {
		const verify = siteverify({ success: true, hostname: expected.hostname, action: 'lookup' });
		await verifyTurnstile(config, 'token-from-widget', '203.0.113.9', expected, verify);
		expect(verify.requests).toEqual([
			{ url: 'https://challenges.cloudflare.com/turnstile/v0/siteverify', body: { secret: 'turnstile-secret', response: 'token-from-widget', remoteip: '203.0.113.9' } },
		]);
	});

	it('refuses a missing token without asking Cloudflare', async () => {
		const verify = siteverify({ success: true });
		expect(await thrown(() => verifyTurnstile(config, undefined, '203.0.113.9', expected, verify))).toMatchObject(refused);
		expect(verify.requests).toEqual([]);
	});

	it('refuses a token Cloudflare rejects, one solved on another site or for another form', async () => {
		for (const answer of [
			{ success: false, 'error-codes': ['invalid-input-response'] },
			{ success: true, hostname: 'evil.example', action: 'lookup' },
			{ success: true, hostname: expected.hostname, action: 'contact' },
		]) {
			expect(await thrown(() => verifyTurnstile(config, 'token', '203.0.113.9', expected, siteverify(answer)))).toMatchObject(refused);
		}
	});

	it('fails closed when Cloudflare cannot be reached or answers something unreadable', async () => {
		expect(await thrown(() => verifyTurnstile(config, 'token', '203.0.113.9', expected, siteverify(new TypeError('network'))))).toMatchObject(refused);
		expect(await thrown(() => verifyTurnstile(config, 'token', '203.0.113.9', expected, siteverify({ ok: 'maybe' })))).toMatchObject(refused);
	});
});
