import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { site } from '../../src/config/site';
import { ConnectorError } from '../connectors/errors';
import { exchangeGithubCode, githubAuthorizeUrl, type GithubOAuthConfig, GithubOAuthRefusal, readGithubOAuthConfig } from '../connectors/github-oauth';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { cmsAuthPage, type CmsAuthResult } from '../services/cms-auth-page';
import { issueCmsAuthState, stateCookie, stateTtlSeconds, verifyCmsAuthState } from '../services/cms-auth-state';
import { enforceRateLimits } from '../services/rate-limit';
import { cmsAuthLimits } from '../services/rate-limit-rules';

/** The sign-in window's redirects and page must stay reachable from the admin that opened it (COOP would cut it off). */
const keepOpener = { 'Cross-Origin-Opener-Policy': 'unsafe-none' } as const;

/** The settings, after the rate limit; a help center without an OAuth App says so in a stable error. */
async function signInSettings(c: Context<AppEnv>): Promise<GithubOAuthConfig> {
	const config = readGithubOAuthConfig(c.env, c.var.config.VENDOR_TIMEOUT_MS);
	if (!config) {
		throw new ApiError(503, 'cms_auth_not_configured', 'GitHub sign-in for the editor is not set up on this help center: set the Worker secrets GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET (README, "The visual editor"), or use `npm run cms` on your machine.');
	}
	await enforceRateLimits(c.env.DB, cmsAuthLimits(c.var.clientIp), c.var.config.RATE_LIMIT_SCALE);
	return config;
}

/** Where GitHub sends the editor back: this Worker's own callback, as registered on the OAuth App. */
function callbackUrl(c: Context<AppEnv>): string {
	return `${new URL(c.req.url).origin}/api/cms/callback`;
}

/** Who may receive the token: the help center's admin, on its public address or on this host, and no one else. */
function adminOrigins(c: Context<AppEnv>): string[] {
	return [...new Set([new URL(site.siteUrl).origin, new URL(c.req.url).origin])];
}

async function answerPage(c: Context<AppEnv>, result: CmsAuthResult, status: 200 | 403 | 502 | 503) {
	const page = await cmsAuthPage(result, adminOrigins(c));
	return c.html(page.html, status, page.headers);
}

/**
 * Decap CMS's external OAuth for its GitHub backend (`base_url` + `auth_endpoint` in the generated config,
 * src/cms/cms-config.ts). `GET /api/cms/auth` (opened by the admin in a window) sends the editor to GitHub with a
 * signed state bound to this browser by a cookie; `GET /api/cms/callback` checks the state, exchanges the code for a
 * token and hands it to the admin through Decap's postMessage handshake. The token is never logged or stored here.
 */
export const cmsAuth = new Hono<AppEnv>()
	.get('/auth', async (c) => {
		const config = await signInSettings(c);
		const provider = c.req.query('provider');
		if (provider !== undefined && provider !== 'github') {
			throw new ApiError(400, 'invalid_request', 'Only GitHub sign-in is offered here: set `backend.name: github` in the editor configuration.');
		}
		const state = await issueCmsAuthState(config.clientSecret);
		setCookie(c, stateCookie.name, state, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: stateTtlSeconds, prefix: stateCookie.prefix });
		for (const [name, value] of Object.entries(keepOpener)) c.header(name, value);
		return c.redirect(githubAuthorizeUrl(config, state, callbackUrl(c)), 302);
	})
	.get('/callback', async (c) => {
		const config = await signInSettings(c);
		const cookie = getCookie(c, stateCookie.name, stateCookie.prefix);
		// One use: whatever happens next, this browser's state is spent.
		deleteCookie(c, stateCookie.name, { path: '/', secure: true, prefix: stateCookie.prefix });
		if (!(await verifyCmsAuthState(config.clientSecret, c.req.query('state'), cookie))) {
			throw new ApiError(403, 'cms_auth_state_invalid', 'This sign-in link has expired or was not started in this browser. Close this window and choose "Login with GitHub" again in the editor.');
		}
		const denied = c.req.query('error');
		if (denied) {
			const code = /^[a-z_]{1,64}$/.test(denied) ? denied : 'unknown';
			console.error(`cms auth: GitHub did not authorise the sign-in (${code})`);
			return answerPage(c, { ok: false, code: 'cms_auth_refused', message: 'GitHub did not let the editor sign in. Close this window and try again; if it happens again, ask whoever set up the editor.' }, 403);
		}
		const code = c.req.query('code');
		if (!code || !/^[\w-]{1,200}$/.test(code)) throw new ApiError(400, 'invalid_request', 'GitHub sent no sign-in code. Close this window and try again.');
		try {
			const token = await exchangeGithubCode(config, code, callbackUrl(c));
			return answerPage(c, { ok: true, token }, 200);
		} catch (error) {
			if (error instanceof GithubOAuthRefusal) {
				// Its code says what to fix (`incorrect_client_credentials`, `redirect_uri_mismatch`) or that the code was used.
				console.error(`cms auth: GitHub refused the code exchange (${error.code})`);
				return answerPage(c, { ok: false, code: 'cms_auth_refused', message: 'GitHub refused the sign-in. Close this window and try again; if it happens again, ask whoever set up the editor to check the OAuth App.' }, 502);
			}
			if (error instanceof ConnectorError && !error.retryable) {
				console.error(`cms auth: ${error.message}`);
				return answerPage(c, { ok: false, code: 'cms_auth_refused', message: 'GitHub refused the sign-in. Close this window and try again; if it happens again, ask whoever set up the editor to check the OAuth App.' }, 502);
			}
			if (error instanceof ConnectorError) {
				console.error(`cms auth: ${error.message}`);
				return answerPage(c, { ok: false, code: 'cms_auth_unavailable', message: 'GitHub is not answering right now. Close this window and try again in a moment.' }, 503);
			}
			throw error;
		}
	});
