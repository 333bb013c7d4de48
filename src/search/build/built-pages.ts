import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageToIndex } from './build-index.ts';

/**
 * The built HTML pages under `directory`, read one at a time as the indexer asks for them, so that a large site is
 * never in memory whole. Reads are synchronous: small files read faster that way, and Pagefind works on the previous
 * pages meanwhile. `include` picks among the entries of `directory` itself (the site's locale folders).
 */
export function* builtPages(directory: string, include: (name: string) => boolean = () => true, root = directory): Generator<PageToIndex> {
	for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		if (!include(entry.name)) continue;
		const path = join(directory, entry.name);
		if (entry.isDirectory()) yield* builtPages(path, () => true, root);
		else if (entry.name.endsWith('.html')) {
			const url = `/${relative(root, path).split(sep).join('/')}`.replace(/(\/index)?\.html$/, '') || '/';
			yield { url, html: readFileSync(path, 'utf8') };
		}
	}
}
