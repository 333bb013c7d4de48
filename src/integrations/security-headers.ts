import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageContentSecurityPolicy, securityHeaders as headers } from '../worker/security-headers';

/** The longest line Cloudflare reads in `_headers`; it skips longer ones without failing the deploy. */
const maxLineLength = 2000;

/** Script types a browser runs, and so the policy must allow; JSON-LD and other data blocks are not run. */
function runs(attributes: string): boolean {
	const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
	return type === undefined || ['module', 'importmap', 'speculationrules'].includes(type) || /^(text|application)\/(java|ecma)script$/.test(type);
}

/** The `'sha256-…'` sources of every distinct inline script the pages under `root` run, sorted. */
function inlineScriptHashes(root: string): string[] {
	const hashes = new Set<string>();
	for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		for (const [, attributes = '', content = ''] of readFileSync(join(root, file), 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
			if (/\bsrc\s*=/i.test(attributes) || !runs(attributes)) continue;
			// Browsers hash the text as parsed, and HTML parsing turns CRLF into LF.
			hashes.add(`'sha256-${createHash('sha256').update(content.replace(/\r\n?/g, '\n')).digest('base64')}'`);
		}
	}
	return [...hashes].sort();
}

/**
 * Writes the site's security headers for every file the assets binding serves into `_headers`, after the pages
 * are built: the pages' Content-Security-Policy lists the hashes of the inline scripts found in them, so an inline
 * script runs only if the build wrote it. Fails the build rather than let Cloudflare skip a line too long.
 */
export function securityHeaders(options: { turnstile: boolean }): AstroIntegration {
	return {
		name: 'help-center:security-headers',
		hooks: {
			'astro:build:done': ({ dir }) => {
				const root = fileURLToPath(dir);
				const policy = pageContentSecurityPolicy({ inlineScriptHashes: inlineScriptHashes(root), turnstile: options.turnstile });
				const lines = Object.entries({ 'Content-Security-Policy': policy, ...headers }).map(([name, value]) => `  ${name}: ${value}`);
				const tooLong = lines.find((line) => line.trim().length > maxLineLength);
				if (tooLong) {
					throw new Error(
						`The pages' inline scripts make the Content-Security-Policy ${tooLong.trim().length} characters long, more than the ${maxLineLength} Cloudflare reads in _headers. Give the scripts of components a file of their own (a <script> Astro bundles rather than is:inline).`,
					);
				}
				appendFileSync(join(root, '_headers'), `\n# Security headers of every file (src/worker/security-headers.ts).\n/*\n${lines.join('\n')}\n`);
			},
		},
	};
}
