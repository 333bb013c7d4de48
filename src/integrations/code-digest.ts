import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

function digestOf(folder: string): string {
	const hash = createHash('sha256');
	const walk = (directory: string) => {
		for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const path = join(directory, entry.name);
			if (entry.isDirectory()) walk(path);
			else hash.update(relative(folder, path)).update('\0').update(readFileSync(path)).update('\0');
		}
	};
	walk(folder);
	return hash.digest('hex');
}

/**
 * Exposes a digest of the site's code (`src/`) to the pages as `import.meta.env.HELP_CENTER_CODE_DIGEST`, for the
 * cache keys of incremental builds. Astro hashes a page's server modules, but not the client scripts it links to
 * (their file names carry a hash that changes with their code): without this, a page copied from the previous
 * build would point at a script that no longer exists. A code change renders every page again; an edit to the
 * content renders only the pages it changes.
 */
export function codeDigest(): AstroIntegration {
	return {
		name: 'help-center:code-digest',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				const digest = digestOf(fileURLToPath(new URL('src/', config.root)));
				updateConfig({ vite: { define: { 'import.meta.env.HELP_CENTER_CODE_DIGEST': JSON.stringify(digest) } } });
			},
		},
	};
}
