import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildAdmin } from '../cms/build-admin.ts';
import type { GithubBackend } from '../cms/cms-config.ts';
import { adminContentSecurityPolicy } from '../worker/security-headers.ts';

/** `owner/name` of a GitHub remote address (https or ssh), or undefined. */
function githubRepoOf(remote: string): string | undefined {
	return /github\.com[:/]([^/\s]+\/[^/\s]+?)(?:\.git)?\s*$/.exec(remote)?.[1];
}

/** The repository editors' changes go to: CMS_GITHUB_REPO, else the `origin` remote when it is on GitHub. */
function githubBackend(root: string, siteUrl: string | undefined): GithubBackend | undefined {
	let repo = process.env.CMS_GITHUB_REPO;
	if (!repo) {
		try {
			repo = githubRepoOf(execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
		} catch {
			repo = undefined;
		}
	}
	return repo && siteUrl ? { repo, branch: process.env.CMS_GITHUB_BRANCH ?? 'main', baseUrl: siteUrl } : undefined;
}

/**
 * Builds the editors' admin (Decap CMS, src/cms/) into /admin/ of the site, after the pages, with its own
 * Content-Security-Policy in `_headers` in place of the pages' one. Shoppers' pages load none of it.
 */
export function cmsAdmin(): AstroIntegration {
	let root = '';
	let siteUrl: string | undefined;
	return {
		name: 'help-center:cms-admin',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				siteUrl = config.site;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const github = githubBackend(root, siteUrl);
				if (!github) logger.warn('The editor at /admin works with `npm run cms` only: set CMS_GITHUB_REPO=owner/name to let editors sign in with GitHub (README.md, "The visual editor").');
				const { bytes } = await buildAdmin(join(out, 'admin'), { root, ...(github ? { github } : {}) });
				logger.info(`Editor at /admin: ${(bytes / 1024 / 1024).toFixed(1)} MiB of script, loaded by no shopper page.`);
				// Replaces, for /admin/ only, the pages' policy written above it by securityHeaders(); the sign-in window
				// (GitHub) needs its opener, so the admin lets its popups keep it.
				appendFileSync(
					join(out, '_headers'),
					`\n# The editors' admin (src/integrations/cms-admin.ts).\n/admin/*\n  ! Content-Security-Policy\n  ! Cross-Origin-Opener-Policy\n  Content-Security-Policy: ${adminContentSecurityPolicy}\n  Cross-Origin-Opener-Policy: same-origin-allow-popups\n`,
				);
			},
		},
	};
}
