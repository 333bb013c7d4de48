import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../schemas/site-config.ts';
import { parseSiteConfig, SiteConfigError } from './parse-site-config.ts';

/** Where the site config lives, relative to the project's folder. */
export const siteConfigFile = 'content/site.yaml';

/**
 * Reads and validates content/site.yaml of the project at `root` (a folder path, or a `file:` URL ending in `/`),
 * for code that runs in Node: the Astro config, integrations, scripts and tests. Code bundled by Vite (pages, the
 * Worker) imports `site` from ./site.ts instead. Throws a `SiteConfigError` naming the file and each field to fix.
 */
export function readSiteConfig(root: string | URL): SiteConfig {
	const path = typeof root === 'string' ? join(root, siteConfigFile) : new URL(siteConfigFile, root);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as { code?: string }).code !== 'ENOENT') throw error;
		throw new SiteConfigError(`${siteConfigFile}  is missing: the help center reads its name, languages and policies from it.`);
	}
	return parseSiteConfig(text, siteConfigFile);
}
