import { existsSync, readFileSync } from 'node:fs';
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
	const config = parseSiteConfig(text, siteConfigFile);
	const missing = missingBrandFiles(config, (path) => existsSync(typeof root === 'string' ? join(root, 'public', path) : new URL(`public${path}`, root)));
	if (missing.length > 0) throw new SiteConfigError(`The site config has ${missing.length} problem(s):\n${missing.join('\n')}`);
	return config;
}

/** The brand's files (web fonts, style sheet) that content/site.yaml names but public/ lacks, as messages to fix. */
export function missingBrandFiles(config: SiteConfig, exists: (publicPath: string) => boolean): string[] {
	const named = [
		...config.brand.fonts.files.map((font, index) => ({ field: `brand.fonts.files.${index}.file`, path: font.file })),
		...(config.brand.css ? [{ field: 'brand.css', path: config.brand.css }] : []),
	];
	return named
		.filter(({ path }) => !exists(decodeURI(path)))
		.map(({ field, path }) => `${siteConfigFile} [${field}]  public${path} does not exist: add the file to public/, or correct the path.`);
}
