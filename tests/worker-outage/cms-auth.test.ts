import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

declare global {
	namespace Cloudflare {
		interface Env {
			GITHUB_OAUTH_BASE_URL: string;
			GITHUB_OAUTH_CLIENT_SECRET: string;
		}
	}
}

const site = 'https://help.alderandpine.example';

const github = (path: string, body?: unknown) =>
	fetch(`${env.GITHUB_OAUTH_BASE_URL}/__fake/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// `manual`: a browser follows the redirect to GitHub; a fetch of the Worker's own entry would send it back to the Worker.
const worker = (url: string, cookie?: string) => exports.default.fetch(new Request(url, { redirect: 'manual', ...(cookie ? { headers: { Cookie: cookie } } : {}) }));

/** What Decap's admin does: opens /api/cms/auth in a window; returns where it was sent and the cookie it got. */
async function startSignIn() {
	const response = await worker(`${site}/api/cms/auth?provider=github&site_id=help.alderandpine.example&scope=repo`);
	expect(response.status, await response.clone().text()).toBe(302);
	const setCookie = response.headers.get('Set-Cookie') ?? '';
	const cookie = /^(__Host-cms-oauth-state=[^;]+)/.exec(setCookie)?.[1];
	expect(cookie).toBeDefined();
	return { response, setCookie, cookie: cookie!, location: response.headers.get('Location') ?? '' };
}

/** The editor approves on (fake) GitHub, which sends the window back to the callback with a code and the state. */
async function approveOnGithub(location: string): Promise<string> {
	const back = await fetch(location, { redirect: 'manual' });
	expect(back.status, await back.clone().text()).toBe(302);
	return back.headers.get('Location') ?? '';
}

/** The JSON the sign-in page hands its script: the origins it may post to and the message for Decap. */
async function pageData(response: Response): Promise<{ html: string; data: { origins: string[]; message: string } }> {
	const html = await response.text();
	const json = /<script type="application\/json" id="cms-auth">([^<]*)<\/script>/.exec(html)?.[1];
	expect(json).toBeDefined();
	return { html, data: JSON.parse(json!) };
}

async function sha256Base64(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const logs: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(async () => {
	await github('reset', {});
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) logs.push(vi.spyOn(console, level));
});
afterEach(async () => {
	expect(((await (await github('violations')).json()) as { violations: string[] }).violations).toEqual([]);
	// Whatever happened, no token GitHub issued and not the app's secret ever reaches a log line.
	const { tokens } = (await (await github('tokens')).json()) as { tokens: string[] };
	const lines = logs.flatMap((spy) => spy.mock.calls.map((call: unknown[]) => call.map(String).join(' ')));
	for (const secret of [...tokens, env.GITHUB_OAUTH_CLIENT_SECRET]) for (const line of lines) expect(line).not.toContain(secret);
	for (const spy of logs.splice(0)) spy.mockRestore();
});

describe('the editors sign in with GitHub (Decap external OAuth)', () => {
	it('sends the editor to GitHub with a state bound to the browser, then hands the token to the admin only', async () => {
		const { response: redirect, location, setCookie, cookie } = await startSignIn();
		expect(redirect.headers.get('Cross-Origin-Opener-Policy')).toBe('unsafe-none');
		const authorize = new URL(location);
		expect(`${authorize.origin}${authorize.pathname}`).toBe(`${env.GITHUB_OAUTH_BASE_URL}/login/oauth/authorize`);
		expect(authorize.searchParams.get('redirect_uri')).toBe(`${site}/api/cms/callback`);
		expect(authorize.searchParams.get('scope')).toBe('repo');
		expect(cookie).toBe(`__Host-cms-oauth-state=${authorize.searchParams.get('state')}`);
		expect(setCookie).toMatch(/; Max-Age=600/);
		expect(setCookie).toMatch(/; Path=\//);
		expect(setCookie).toMatch(/; HttpOnly/);
		expect(setCookie).toMatch(/; Secure/);
		expect(setCookie).toMatch(/; SameSite=Lax/);
		expect(location).not.toContain(env.GITHUB_OAUTH_CLIENT_SECRET);

		const callback = await approveOnGithub(location);
		expect(callback.startsWith(`${site}/api/cms/callback?`)).toBe(true);
		const response = await worker(callback, cookie);
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
		expect(response.headers.get('Cache-Control')).toBe('no-store');
		// The window must stay reachable from the admin that opened it.
		expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('unsafe-none');
		// The state is spent.
		expect(response.headers.get('Set-Cookie')).toMatch(/^__Host-cms-oauth-state=; Max-Age=0/);

		const { html, data } = await pageData(response);
		const { tokens } = (await (await github('tokens')).json()) as { tokens: string[] };
		expect(tokens).toHaveLength(1);
		expect(data.message).toBe(`authorization:github:success:${JSON.stringify({ token: tokens[0], provider: 'github' })}`);
		expect(data.origins).toEqual([site]);
		// One inline script, allowed by its hash and nothing else; it never posts to "*".
		const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
		expect(scripts).toHaveLength(1);
		const policy = response.headers.get('Content-Security-Policy') ?? '';
		expect(policy).toContain(`script-src 'sha256-${await sha256Base64(scripts[0]!)}'`);
		expect(policy).toContain("default-src 'none'");
		expect(policy).not.toContain('unsafe-inline');
		expect(scripts[0]).not.toContain("'*'");
		expect(scripts[0]).toContain("'authorizing:github'");
	});

	it('refuses a callback without the state, with a state of another browser, or with a forged one, before asking GitHub', async () => {
		const first = await startSignIn();
		const second = await startSignIn();
		const callback = new URL(await approveOnGithub(first.location));
		const state = callback.searchParams.get('state')!;
		const forged = `${state.slice(0, -4)}AAAA`;
		const attempts: [string, string | undefined][] = [
			[callback.toString(), undefined],
			[callback.toString(), second.cookie],
			[`${site}/api/cms/callback?code=${callback.searchParams.get('code')}`, first.cookie],
			[`${site}/api/cms/callback?code=${callback.searchParams.get('code')}&state=${forged}`, `__Host-cms-oauth-state=${forged}`],
		];
		for (const [url, cookie] of attempts) {
			const response = await worker(url, cookie);
			expect(response.status).toBe(403);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cms_auth_state_invalid');
		}
		// GitHub was never asked for a token.
		const { requests } = (await (await github('requests')).json()) as { requests: { method: string }[] };
		expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
	});

	it('tells the admin, through the same handshake, when GitHub refuses the code or cannot be reached', async () => {
		// A code used twice: GitHub answers 200 with `bad_verification_code`.
		const used = await startSignIn();
		const callback = await approveOnGithub(used.location);
		expect((await worker(callback, used.cookie)).status).toBe(200);
		const again = await startSignIn();
		const replay = new URL(callback);
		replay.searchParams.set('state', new URL(again.location).searchParams.get('state')!);
		const refused = await worker(replay.toString(), again.cookie);
		expect(refused.status).toBe(502);
		const refusedPage = await pageData(refused);
		expect(refusedPage.data.message).toMatch(/^authorization:github:error:/);
		expect(JSON.parse(refusedPage.data.message.replace('authorization:github:error:', ''))).toMatchObject({ code: 'cms_auth_refused' });

		// GitHub down.
		await github('faults', { fail500: 1 });
		const down = await startSignIn();
		const unavailable = await worker(await approveOnGithub(down.location), down.cookie);
		expect(unavailable.status).toBe(503);
		expect((await pageData(unavailable)).data.message).toContain('"code":"cms_auth_unavailable"');

		// An answer that is not GitHub's shape is not trusted.
		await github('respond-once', { status: 200, body: { access_token: 'has spaces <script>' } });
		const odd = await startSignIn();
		const unreadable = await worker(await approveOnGithub(odd.location), odd.cookie);
		expect(unreadable.status).toBe(503);
		expect(await unreadable.text()).not.toContain('has spaces');

		// The editor said no on GitHub's page.
		const denied = await startSignIn();
		const state = new URL(denied.location).searchParams.get('state');
		const deniedPage = await worker(`${site}/api/cms/callback?error=access_denied&error_description=The+user+has+denied&state=${state}`, denied.cookie);
		expect(deniedPage.status).toBe(403);
		expect((await pageData(deniedPage)).data.message).toContain('"code":"cms_auth_refused"');
	});

	it('refuses another provider', async () => {
		const response = await worker(`${site}/api/cms/auth?provider=gitlab`);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
	});
});
