import { z } from 'zod';
import { ConfigError } from '../../config';
import { optionalEnv } from '../env';
import { timeoutMsSchema, vendorBaseUrlSchema } from '../http';

/** Decap's GitHub backend needs write access to the repository: `repo`, or `public_repo` when it is public. */
export const githubScopeSchema = z.enum(['repo', 'public_repo']);

export const githubOAuthConfigSchema = z.object({
	/** The OAuth App's client id (GitHub shows it on the app's page; `Iv1.…` or 20 hexadecimal characters). */
	clientId: z.string().regex(/^[\w.-]{1,100}$/),
	/** The OAuth App's client secret; it travels in a form body only, never in a URL. */
	clientSecret: z.string().regex(/^[\x21-\x7E]{8,200}$/),
	scope: githubScopeSchema.default('repo'),
	/** Overrides `https://github.com`, to point at a local fake server. */
	baseUrl: vendorBaseUrlSchema.optional(),
	timeoutMs: timeoutMsSchema,
});
export type GithubOAuthConfig = z.output<typeof githubOAuthConfigSchema>;

/**
 * The editors' sign-in settings: secrets `GITHUB_OAUTH_CLIENT_ID` and `GITHUB_OAUTH_CLIENT_SECRET`, variables
 * `CMS_GITHUB_SCOPE` (`repo` or `public_repo`) and `GITHUB_OAUTH_BASE_URL` (tests only).
 */
const githubOAuthEnvSchema = z.object({
	GITHUB_OAUTH_CLIENT_ID: optionalEnv,
	GITHUB_OAUTH_CLIENT_SECRET: optionalEnv,
	CMS_GITHUB_SCOPE: optionalEnv,
	GITHUB_OAUTH_BASE_URL: optionalEnv,
});

const cache = new WeakMap<object, GithubOAuthConfig | null>();

/**
 * The sign-in settings, or undefined when neither secret is set (the demo, and any help center whose editors work
 * in git). One secret without the other, or a value GitHub cannot have issued, is a ConfigError naming the setting.
 */
export function readGithubOAuthConfig(env: object, timeoutMs: number): GithubOAuthConfig | undefined {
	const cached = cache.get(env);
	if (cached !== undefined) return cached ?? undefined;
	const raw = githubOAuthEnvSchema.parse(env);
	let config: GithubOAuthConfig | null = null;
	if (raw.GITHUB_OAUTH_CLIENT_ID || raw.GITHUB_OAUTH_CLIENT_SECRET) {
		const result = githubOAuthConfigSchema.safeParse({
			clientId: raw.GITHUB_OAUTH_CLIENT_ID,
			clientSecret: raw.GITHUB_OAUTH_CLIENT_SECRET,
			scope: raw.CMS_GITHUB_SCOPE,
			baseUrl: raw.GITHUB_OAUTH_BASE_URL,
			timeoutMs,
		});
		if (!result.success) {
			const names: Record<string, string> = { clientId: 'GITHUB_OAUTH_CLIENT_ID', clientSecret: 'GITHUB_OAUTH_CLIENT_SECRET', scope: 'CMS_GITHUB_SCOPE', baseUrl: 'GITHUB_OAUTH_BASE_URL' };
			const settings = [...new Set(result.error.issues.map((issue) => names[String(issue.path[0])] ?? String(issue.path[0])))].join(', ');
			throw new ConfigError(`Invalid settings: the editors' GitHub sign-in needs valid ${settings}`);
		}
		config = result.data;
	}
	cache.set(env, config);
	return config ?? undefined;
}

/** Where GitHub's OAuth pages live for this configuration. */
export function githubOAuthBaseUrl(config: GithubOAuthConfig): string {
	return config.baseUrl ?? 'https://github.com';
}
