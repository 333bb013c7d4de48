import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/** Every built HTML page (not the editors' admin), as site paths (`/en/shipping`) mapped to file paths; `siteDir` defaults to dist/client. */
export function builtPages(siteDir = clientDir): Map<string, string> {
	if (!existsSync(siteDir)) throw new Error(`${siteDir} is missing: run \`npm run build\` first (npm test does).`);
	const pages = new Map<string, string>();
	const walk = (directory: string) => {
		for (const name of readdirSync(directory)) {
			const path = join(directory, name);
			// The editors' admin (/admin) is no page of the site: its own policy, no shopper ever loads it.
			if (statSync(path).isDirectory()) {
				if (relative(siteDir, path) !== 'admin') walk(path);
			}
			else if (name.endsWith('.html')) {
				const sitePath = `/${relative(siteDir, path).split(sep).join('/')}`.replace(/(\/index)?\.html$/, '') || '/';
				pages.set(sitePath, path);
			}
		}
	};
	walk(siteDir);
	return pages;
}

/** Resolves a site path to the built file that would answer it, the way the assets binding does. */
export function resolveBuiltPath(sitePath: string, siteDir = clientDir): string | undefined {
	const clean = decodeURI(sitePath).replace(/\/$/, '') || '/';
	const candidates = [join(siteDir, clean), join(siteDir, `${clean}.html`), join(siteDir, clean, 'index.html')];
	return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function loadDocument(file: string) {
	return parseHTML(readFileSync(file, 'utf8')).document;
}
