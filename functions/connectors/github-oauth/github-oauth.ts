import { z } from 'zod';
import { ConnectorError, temporaryFailure } from '../errors';
import { callVendor, type ConnectorDeps, parseJson, resolveFetch } from '../http';
import { githubOAuthBaseUrl, type GithubOAuthConfig } from './config';

const vendor = 'GitHub';

/**
 * The token endpoint's answers (docs.github.com, "Authorizing OAuth apps", step 2): with `Accept: application/json`,
 * `{ access_token, scope, token_type }`; a refusal is also HTTP 200, as `{ error, error_description, error_uri }`.
 */
const tokenAnswerSchema = z.union([
	z.object({ access_token: z.string().regex(/^[\w.-]{1,255}$/), token_type: z.string().optional(), scope: z.string().optional() }),
	z.object({ error: z.string().regex(/^[a-z_]{1,64}$/), error_description: z.string().optional() }),
]);

/** GitHub refused the code or our app's credentials (its error code: `bad_verification_code`, `redirect_uri_mismatch` …). */
export class GithubOAuthRefusal extends Error {
	override name = 'GithubOAuthRefusal';
	constructor(readonly code: string) {
		super(`GitHub refused the sign-in: ${code}`);
	}
}

/** The page GitHub asks the editor on; `state` comes back to the callback with the code. */
export function githubAuthorizeUrl(config: GithubOAuthConfig, state: string, redirectUri: string): string {
	const url = new URL('/login/oauth/authorize', githubOAuthBaseUrl(config));
	url.search = new URLSearchParams({ client_id: config.clientId, redirect_uri: redirectUri, scope: config.scope, state, allow_signup: 'false' }).toString();
	return url.toString();
}

/**
 * Exchanges the code GitHub gave the callback for an access token. Throws GithubOAuthRefusal when GitHub says no
 * (a used or expired code, wrong credentials) and a retryable ConnectorError when it cannot be reached or answers
 * something else. Neither message carries the code, the secret or a token.
 */
export async function exchangeGithubCode(config: GithubOAuthConfig, code: string, redirectUri: string, deps?: ConnectorDeps): Promise<string> {
	const body = new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret, code, redirect_uri: redirectUri });
	const response = await callVendor(
		vendor,
		resolveFetch(deps),
		`${githubOAuthBaseUrl(config)}/login/oauth/access_token`,
		{ method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() },
		config.timeoutMs,
	);
	if (response.status !== 200) {
		if (response.status >= 500 || response.status === 429) throw temporaryFailure({ vendor, detail: `HTTP ${response.status}`, status: response.status });
		throw new ConnectorError(`${vendor} refused the request (HTTP ${response.status})`, { vendor, kind: 'refused', status: response.status });
	}
	const answer = tokenAnswerSchema.safeParse(parseJson(response.text));
	if (!answer.success) throw temporaryFailure({ vendor, detail: 'unreadable token answer', status: response.status });
	if ('error' in answer.data) throw new GithubOAuthRefusal(answer.data.error);
	return answer.data.access_token;
}
