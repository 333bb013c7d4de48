import { Hono } from 'hono';
import { addAdminRoutes } from './admin-routes.ts';
import { FakeControl } from './faults.ts';

export interface GithubOAuthFakeOptions {
	clientId?: string;
	clientSecret?: string;
}

/** A code GitHub handed out at the authorize step, with what it was issued for. */
interface IssuedCode {
	redirectUri: string;
	scope: string;
	used: boolean;
}

/** The token answer: 200 with `{ error, error_description, error_uri }`, as GitHub refuses an exchange. */
function refusal(error: string, description: string): Response {
	return Response.json({ error, error_description: description, error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors' });
}

/**
 * A fake GitHub OAuth server (docs.github.com, "Authorizing OAuth apps"). `GET /login/oauth/authorize` plays an editor
 * who approves: it checks the query (client_id, redirect_uri, scope, state) and sends the browser back to
 * redirect_uri with a fresh `code` and the same `state`. `POST /login/oauth/access_token` checks the exchange as
 * GitHub documents it (`Accept: application/json`, a form body with client_id, client_secret, code and the same
 * redirect_uri), answers a token once per code, and refuses as GitHub does (HTTP 200 with `error`). Every token it
 * issued is kept, so a test can look for them in logs.
 */
export function createGithubOAuthFake(options: GithubOAuthFakeOptions = {}) {
	const clientId = options.clientId ?? 'Iv1.0123456789abcdef';
	const clientSecret = options.clientSecret ?? 'fake-github-client-secret-0123456789abcdef';
	const control = new FakeControl();
	const codes = new Map<string, IssuedCode>();
	const tokens: string[] = [];
	let counter = 0;

	function reset() {
		control.reset();
		codes.clear();
		tokens.length = 0;
	}

	const app = new Hono();
	addAdminRoutes(app, control, reset);
	app.get('/__fake/tokens', (c) => c.json({ tokens }));

	app.get('/login/oauth/authorize', (c) => {
		control.requests.push({ method: 'GET', path: c.req.path });
		const query = c.req.query();
		if (query.client_id !== clientId) return c.text('The client_id is not an OAuth App.', 404);
		const redirect = query.redirect_uri;
		if (!redirect || !/^https?:\/\/[^/]+\/api\/cms\/callback$/.test(redirect)) control.violation(`authorize: unexpected redirect_uri ${String(redirect)}`);
		if (query.scope !== 'repo' && query.scope !== 'public_repo') control.violation(`authorize: scope ${String(query.scope)}`);
		if (!query.state || query.state.length < 32) control.violation('authorize: no unguessable state');
		const code = `code-${++counter}-${crypto.randomUUID()}`;
		codes.set(code, { redirectUri: redirect ?? '', scope: query.scope ?? '', used: false });
		const back = new URL(redirect ?? 'http://invalid/');
		back.searchParams.set('code', code);
		back.searchParams.set('state', query.state ?? '');
		return c.redirect(back.toString(), 302);
	});

	app.post('/login/oauth/access_token', async (c) => {
		control.requests.push({ method: 'POST', path: c.req.path });
		const fault = control.takeFault(true);
		if (fault?.kind === 'timeout') await control.hang(fault.ms);
		if (fault?.kind === 'fail500') return c.text('Internal Server Error', 500);
		const canned = control.takeCanned();
		if (canned) return new Response(typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body), { status: canned.status, headers: canned.headers ?? { 'Content-Type': 'application/json' } });
		// Without it GitHub answers form-encoded text, which our Worker would not read.
		if (c.req.header('Accept') !== 'application/json') control.violation(`access_token: Accept is ${String(c.req.header('Accept'))}`);
		if (!/^application\/x-www-form-urlencoded\b/.test(c.req.header('Content-Type') ?? '')) control.violation('access_token: the body is not a form');
		if (c.req.header('Authorization')) control.violation('access_token: an Authorization header was sent');
		if (new URL(c.req.url).search) control.violation('access_token: parameters in the URL (the secret must stay in the body)');
		const form = new URLSearchParams(await c.req.text());
		const names = [...form.keys()].sort().join(',');
		if (names !== 'client_id,client_secret,code,redirect_uri') control.violation(`access_token: fields ${names}`);
		if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
			return refusal('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
		}
		const issued = codes.get(form.get('code') ?? '');
		if (!issued || issued.used) return refusal('bad_verification_code', 'The code passed is incorrect or expired.');
		if (form.get('redirect_uri') !== issued.redirectUri) return refusal('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.');
		issued.used = true;
		const token = `gho_${crypto.randomUUID().replace(/-/g, '')}`;
		tokens.push(token);
		return c.json({ access_token: token, token_type: 'bearer', scope: issued.scope });
	});

	return { app, control, clientId, clientSecret, tokens, reset };
}
